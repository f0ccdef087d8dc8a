import { Link } from "@/app/_components/link";

export default function NotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <p className="font-typewriter text-sm uppercase tracking-widest text-stamp">File not found</p>
      <h1 className="text-3xl font-bold">We couldn’t find that page</h1>
      <p className="text-muted">The address may be mistyped, or the page may have been moved or removed.</p>
      <p>
        <Link href="/" className="btn btn-primary">
          Go to the start page
        </Link>
      </p>
    </div>
  );
}

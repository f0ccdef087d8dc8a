// Apart from join-url.ts (which reads this machine's network), so the browser's join panel can use it too.
/** The join address as people read it off a screen: no scheme, no code ("192.0.2.2:3000/join"). */
export function joinAddress(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/\?.*$/, "");
}

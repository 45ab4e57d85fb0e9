import Link from "@/components/SiteLink";

// Static: Next renders this boundary inside every page, cached ones included, so it must not make a
// page dynamic. An address that names no route gets the cached pages' policy (security-headers.ts),
// which lets this prerendered page's scripts run.
export default function NotFound() {
  return (
    <>
      <h1>找不到这个页面</h1>
      <p>这个问题可能已被删除或改了地址。可以用上方的搜索框查找，或者<Link href="/">回到首页</Link>。</p>
    </>
  );
}

import Link from "next/link";
import { connection } from "next/server";

export default async function NotFound() {
  // Rendered per request, never prerendered: a prerendered page has no nonce, and the Content-Security-
  // Policy (proxy.ts) would block its scripts on every unknown address.
  await connection();
  return (
    <>
      <h1>找不到这个页面</h1>
      <p>这个问题可能已被删除或改了地址。可以用上方的搜索框查找，或者<Link href="/">回到首页</Link>。</p>
    </>
  );
}

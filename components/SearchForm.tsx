// The search box on every page. A plain GET form: it works without JavaScript and gives shareable URLs.
export function SearchForm({ defaultValue = "", autoFocus = false, id = "site-search" }: { defaultValue?: string; autoFocus?: boolean; id?: string }) {
  return (
    <form className="search" role="search" action="/search" method="get">
      <label htmlFor={id} className="visually-hidden">
        搜索医保问题
      </label>
      <input
        id={id}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder="例如：异地就医怎么备案、居民医保门诊报销"
        maxLength={100}
        autoFocus={autoFocus}
        autoComplete="off"
      />
      <button type="submit">搜索</button>
    </form>
  );
}

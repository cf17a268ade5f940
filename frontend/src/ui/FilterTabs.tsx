import { Link, useSearchParams } from 'react-router';

export interface FilterOption {
  value: string;
  label: string;
}

interface FilterTabsProps {
  /** The query-string parameter that holds the choice, so it survives reloads and links. */
  param: string;
  label: string;
  options: FilterOption[];
  current: string;
  defaultValue: string;
}

/** A row of links that set one filter in the URL. */
export function FilterTabs({ param, label, options, current, defaultValue }: FilterTabsProps) {
  const [params] = useSearchParams();
  return (
    <nav aria-label={label} className="filters">
      {options.map((o) => {
        const next = new URLSearchParams(params);
        if (o.value === defaultValue) next.delete(param);
        else next.set(param, o.value);
        const qs = next.toString();
        return (
          <Link key={o.value} to={qs ? `?${qs}` : '.'} className="chip" aria-current={o.value === current ? 'true' : undefined} replace>
            {o.label}
          </Link>
        );
      })}
    </nav>
  );
}

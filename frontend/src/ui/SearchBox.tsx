import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';

interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** The query-string parameter that holds the text. */
  param?: string;
}

/** A search field kept in the URL; `/` focuses it from anywhere on the page. */
export function SearchBox({ label, placeholder, param = 'q' }: SearchBoxProps) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const committed = params.get(param) ?? '';
  const [text, setText] = useState(committed);

  useEffect(() => setText(committed), [committed]);

  useEffect(() => {
    if (text === committed) return;
    const t = window.setTimeout(() => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (text.trim()) next.set(param, text.trim());
          else next.delete(param);
          return next;
        },
        { replace: true },
      );
    }, 250);
    return () => window.clearTimeout(t);
    // Only the typed text schedules a URL change; a URL change resets the text above.
  }, [text]);

  return (
    <div className="search">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        data-search
        placeholder={placeholder ?? `${label}  ( / )`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
    </div>
  );
}

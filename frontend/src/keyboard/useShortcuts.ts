import { useEffect } from 'react';
import { isTyping, moveInList } from './shortcuts';

/**
 * The app-wide keys: `/` focuses the page's search box (marked
 * data-search), `j`/`k` move through the list, `?` asks for help.
 */
export function useShortcuts(onHelp: () => void) {
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Escape' && isTyping(e.target) && (e.target as HTMLElement).matches('[data-search]')) {
        (e.target as HTMLElement).blur();
        return;
      }
      if (isTyping(e.target) || document.querySelector('dialog[open]')) return;
      const main = document.querySelector('main') ?? document;
      switch (e.key) {
        case '/': {
          const search = document.querySelector<HTMLElement>('[data-search]');
          if (search) {
            e.preventDefault();
            search.focus();
          }
          break;
        }
        case 'j':
          if (moveInList(main, 1)) e.preventDefault();
          break;
        case 'k':
          if (moveInList(main, -1)) e.preventDefault();
          break;
        case '?':
          e.preventDefault();
          onHelp();
          break;
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onHelp]);
}

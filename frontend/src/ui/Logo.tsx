/** A bell: Tocsin is an alarm bell. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a1.5 1.5 0 0 1 1.5 1.5v.6A7 7 0 0 1 19 11v4.2l1.7 2.3a1 1 0 0 1-.8 1.5H4.1a1 1 0 0 1-.8-1.5L5 15.2V11a7 7 0 0 1 5.5-6.9v-.6A1.5 1.5 0 0 1 12 2Zm-2.5 18h5a2.5 2.5 0 0 1-5 0Z"
      />
    </svg>
  );
}

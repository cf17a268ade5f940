import type { ReactNode } from 'react';
import { Logo } from '../../ui/Logo';

/** The centred card that holds the sign-in and invitation forms. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="auth">
      <div className="auth-card">
        <div className="auth-brand">
          <Logo /> <span>Tocsin</span>
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

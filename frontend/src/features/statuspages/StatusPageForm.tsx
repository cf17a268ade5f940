import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { CreateStatusPageMutation, UpdateStatusPageMutation } from './documents';
import type { StatusPageFieldsFragment } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field, FormActions, FormProblem } from '../../ui/Form';

/** The server's rule for slugs, checked here first to say what is wrong sooner. */
export function slugProblem(slug: string): string | undefined {
  if (slug === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return undefined;
  return 'Use lowercase letters, digits and dashes, such as “acme-cloud”; leave it empty for /status.';
}

/** Title, address, description and audience of a status page, new or existing. */
export function StatusPageForm({ page, onDone }: { page?: StatusPageFieldsFragment; onDone: () => void }) {
  const [title, setTitle] = useState(page?.title ?? '');
  const [slug, setSlug] = useState(page?.slug ?? '');
  const [description, setDescription] = useState(page?.description ?? '');
  const [isPublic, setPublic] = useState(page?.public ?? true);
  const [created, create] = useMutation(CreateStatusPageMutation);
  const [updated, update] = useMutation(UpdateStatusPageMutation);
  const state = page ? updated : created;
  const problem = slugProblem(slug.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (problem) return;
    const input = { title: title.trim(), slug: slug.trim(), description: description.trim(), public: isPublic };
    const result = page ? await update({ id: page.id, input }) : await create({ input });
    if (!result.error) onDone();
  }

  return (
    <form onSubmit={submit} className="stack">
      <Field id="status-page-title" label="Title">
        <input id="status-page-title" required value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Acme status" autoFocus />
      </Field>
      <Field id="status-page-slug" label="Address: /status/…">
        <input id="status-page-slug" value={slug} onChange={(e) => setSlug(e.target.value)} placeholder="empty for /status" aria-invalid={Boolean(problem)} aria-describedby="status-page-slug-problem" />
      </Field>
      <div id="status-page-slug-problem">
        <FormProblem message={problem} />
      </div>
      <Field id="status-page-description" label="Description">
        <textarea id="status-page-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Shown under the title" />
      </Field>
      <label className="radio">
        <input type="checkbox" checked={isPublic} onChange={(e) => setPublic(e.target.checked)} /> Public: anyone can read it without signing in (else only people signed in to Tocsin)
      </label>
      {state.error && <ErrorNotice error={state.error} />}
      <FormActions onCancel={onDone} busy={state.fetching}>
        {page ? 'Save changes' : 'Create status page'}
      </FormActions>
    </form>
  );
}

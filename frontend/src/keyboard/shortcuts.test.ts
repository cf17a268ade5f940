import { describe, expect, it } from 'vitest';
import { isTyping, moveInList } from './shortcuts';

function list(n: number) {
  const ul = document.createElement('ul');
  for (let i = 0; i < n; i++) {
    const li = document.createElement('li');
    li.tabIndex = 0;
    li.dataset.listItem = '';
    li.textContent = `item ${i}`;
    ul.append(li);
  }
  document.body.replaceChildren(ul);
  return [...ul.children] as HTMLElement[];
}

describe('moveInList', () => {
  it('j starts at the first item and stops at the last', () => {
    const items = list(3);
    expect(moveInList(document, 1)).toBe(items[0]);
    expect(moveInList(document, 1)).toBe(items[1]);
    expect(moveInList(document, 1)).toBe(items[2]);
    expect(moveInList(document, 1)).toBe(items[2]);
    expect(document.activeElement).toBe(items[2]);
  });

  it('k moves back and stops at the first', () => {
    const items = list(2);
    items[1].focus();
    expect(moveInList(document, -1)).toBe(items[0]);
    expect(moveInList(document, -1)).toBe(items[0]);
  });

  it('does nothing without a list', () => {
    document.body.replaceChildren();
    expect(moveInList(document, 1)).toBeUndefined();
  });
});

describe('isTyping', () => {
  it('is true in text fields and false on buttons and rows', () => {
    const input = document.createElement('input');
    const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' });
    expect(isTyping(input)).toBe(true);
    expect(isTyping(document.createElement('textarea'))).toBe(true);
    expect(isTyping(checkbox)).toBe(false);
    expect(isTyping(document.createElement('button'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

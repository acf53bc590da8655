/** What an element may hold: nodes, text, or nothing (false, null and undefined leave no trace). */
export type Child = Node | string | number | null | undefined | false;
type Attribute = string | number | boolean | undefined | ((event: Event) => void);

/**
 * An element with its attributes and children. Attributes named `on<event>` are listeners; `true` sets a boolean
 * attribute, `false` and `undefined` leave it out. Text is set as text, never parsed as markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, Attribute> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what an element holds. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * A table with a caption, column headings and rows; the first cell of each row heads its row. It scrolls sideways in
 * a region of its own that takes the keyboard's focus, so a narrow screen can still reach every column.
 */
export function table(caption: string, headings: readonly string[], rows: readonly (readonly Child[])[]): HTMLElement {
  return el(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' },
    el(
      'table',
      {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, ...headings.map((heading) => el('th', { scope: 'col' }, heading)))),
      el(
        'tbody',
        {},
        ...rows.map((cells) =>
          el(
            'tr',
            {},
            ...cells.map((cell, index) => (index === 0 ? el('th', { scope: 'row' }, cell) : el('td', {}, cell))),
          ),
        ),
      ),
    ),
  );
}

/** One named figure of a `<dl class="figures">`; `key` names it for tests and styles. */
export function figure(name: string, value: Child, key: string): HTMLElement {
  return el('div', {}, el('dt', {}, name), el('dd', { 'data-figure': key }, value));
}

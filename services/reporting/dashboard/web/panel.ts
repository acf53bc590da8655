import type { Chart } from 'chart.js';
import { ApiError } from './api';
import { type ChartSpec, chartBox } from './charts';
import { type Child, el, replace } from './dom';

/** What a panel's renderer gives back: its content, or the words that say there is nothing to show. */
export type Rendered = Child[] | { empty: string };

/**
 * One figure of a view: a titled section that says in words whether it is loading, empty or failed, and otherwise
 * shows its chart and the table of its figures. `data-state` tells tests and styles which it is.
 */
export class Panel {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private readonly charts: Chart[] = [];
  private pending: Array<() => Chart> = [];

  constructor(
    readonly id: string,
    title: string,
    note?: string,
  ) {
    const heading = el('h2', { id: `${id}-title` }, title);
    this.status = el('p', { class: 'status', role: 'status' });
    this.body = el('div', { class: 'panel-body' });
    this.element = el(
      'section',
      { class: 'panel', id, 'aria-labelledby': `${id}-title`, 'data-state': 'loading' },
      heading,
      note === undefined ? null : el('p', { class: 'note' }, note),
      this.status,
      this.body,
    );
  }

  /** A chart in the panel, drawn once the panel shows its figures. */
  chart(spec: ChartSpec): HTMLElement {
    const { box, draw } = chartBox(spec);
    this.pending.push(draw);
    return box;
  }

  async fill<T>(load: () => Promise<T>, render: (data: T) => Rendered): Promise<void> {
    this.setState('loading', 'Loading…');
    this.element.setAttribute('aria-busy', 'true');
    try {
      const rendered = render(await load());
      if (Array.isArray(rendered)) {
        this.setState('ready', '');
        replace(this.body, ...rendered);
        for (const draw of this.pending) this.charts.push(draw());
      } else {
        this.setState('empty', rendered.empty);
      }
    } catch (error) {
      const words =
        error instanceof ApiError ? error.message : `Something went wrong while showing this panel: ${String(error)}`;
      this.setState('error', words);
    } finally {
      this.pending = [];
      this.element.removeAttribute('aria-busy');
    }
  }

  /** Frees the charts' canvases when the view is left. */
  destroy(): void {
    for (const chart of this.charts.splice(0)) chart.destroy();
  }

  private setState(state: 'loading' | 'ready' | 'empty' | 'error', words: string): void {
    this.element.dataset.state = state;
    this.status.textContent = words;
    this.status.className = state === 'error' ? 'status error' : 'status';
    if (state !== 'ready') replace(this.body);
  }
}

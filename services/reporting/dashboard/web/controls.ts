import { el } from './dom';
import type { Division } from './reports';
import { type Filters, today } from './route';

/**
 * The filters of a view, applied as each changes: the division (for those who reach several), the period of the
 * period reports, and the day the pipeline is shown as of.
 */
export function controls(
  filters: Filters,
  divisions: readonly Division[],
  apply: (filters: Filters) => void,
  options: { asOf: boolean },
): HTMLElement {
  const field = (id: string, text: string, input: HTMLElement) =>
    el('div', { class: 'field' }, el('label', { for: id }, text), input);
  const dateInput = (id: string, value: string | undefined, change: (value: string) => void) =>
    el('input', {
      id,
      type: 'date',
      value: value ?? '',
      max: id === 'filter-as-of' ? today() : undefined,
      onchange: (event: Event) => {
        const input = event.target as HTMLInputElement;
        if (input.value === '' || input.checkValidity()) change(input.value);
      },
    });
  const division =
    divisions.length > 1
      ? field(
          'filter-division',
          'Division',
          el(
            'select',
            {
              id: 'filter-division',
              onchange: (event: Event) => apply({ ...filters, division: (event.target as HTMLSelectElement).value }),
            },
            ...divisions.map((candidate) =>
              el(
                'option',
                { value: candidate.divisionId, selected: candidate.divisionId === filters.division },
                candidate.name,
              ),
            ),
          ),
        )
      : null;
  return el(
    'form',
    { class: 'controls', 'aria-label': 'Filters', onsubmit: (event: Event) => event.preventDefault() },
    division,
    field(
      'filter-from',
      'Period from',
      dateInput('filter-from', filters.from, (value) => value && apply({ ...filters, from: value })),
    ),
    field(
      'filter-to',
      'to before',
      dateInput('filter-to', filters.to, (value) => value && apply({ ...filters, to: value })),
    ),
    options.asOf
      ? field(
          'filter-as-of',
          'Pipeline as of the end of',
          dateInput('filter-as-of', filters.asOf, (value) =>
            apply({ ...filters, asOf: value === '' ? undefined : value }),
          ),
        )
      : null,
    options.asOf && filters.asOf !== undefined
      ? el(
          'button',
          { type: 'button', id: 'as-of-now', onclick: () => apply({ ...filters, asOf: undefined }) },
          'Show the pipeline now',
        )
      : null,
  );
}

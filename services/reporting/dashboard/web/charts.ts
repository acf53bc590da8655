import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { el } from './dom';

// Only what the dashboard draws, so the bundle carries no other chart type.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** Colours that keep a 3:1 contrast with the white page, told apart by more than hue where a chart has two series. */
export const colours = { blue: '#1f5f99', green: '#2e7d32', red: '#b71c1c', purple: '#6a1b9a', orange: '#b45309' };

export interface Series {
  label: string;
  data: Array<number | null>;
  colour: string;
  /** The second value axis on the right, for a series of another unit. */
  secondAxis?: boolean;
  kind?: 'bar' | 'line';
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  /** What the chart shows, said to screen readers; the table beside it holds the figures. */
  description: string;
  labels: string[];
  series: Series[];
  horizontal?: boolean;
  /** A bar or point picked opens the deals behind it. */
  onPick?: (index: number) => void;
}

/**
 * A chart in a box of fixed height, drawn once the box is on the page. Drawn without animation: the figures are
 * there at once, and tests and screenshots see the final picture.
 */
export function chartBox(spec: ChartSpec): { box: HTMLElement; draw: () => Chart } {
  const canvas = el('canvas', { role: 'img', 'aria-label': spec.description });
  const box = el('div', { class: 'chart' }, canvas);
  const twoAxes = spec.series.some((series) => series.secondAxis === true);
  const draw = () => {
    const config: ChartConfiguration = {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((series) => ({
          type: series.kind ?? spec.kind,
          label: series.label,
          data: series.data,
          backgroundColor: series.colour,
          borderColor: series.colour,
          yAxisID: series.secondAxis === true ? 'y2' : 'y',
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: spec.horizontal === true ? 'y' : 'x',
        plugins: { legend: { display: spec.series.length > 1 } },
        scales: {
          ...(twoAxes ? { y2: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } : {}),
        },
        onClick: (_event, elements) => {
          const picked = elements[0];
          if (picked !== undefined && spec.onPick !== undefined) spec.onPick(picked.index);
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement) {
            target.style.cursor = elements.length > 0 && spec.onPick !== undefined ? 'pointer' : 'default';
          }
        },
      },
    };
    return new Chart(canvas, config);
  };
  return { box, draw };
}

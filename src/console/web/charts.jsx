// Time charts drawn by uPlot (bundled from npm at build time): one line per series over the
// samples the page has collected (see history.js). Recreated when the set of series changes,
// otherwise only fed new data.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';

const COLORS = ['#1f6feb', '#d97706', '#16a34a', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#9333ea'];

/**
 * A line chart.
 * @param title   shown above the chart
 * @param times   sample times (epoch ms)
 * @param series  [{ label, values }] with one value (or null) per time
 */
export function TimeChart({ title, times, series, testid }) {
  const box = useRef(null);
  const plot = useRef(null);
  const labels = series.map((s) => s.label).join('\u0000');
  const data = [times.map((t) => t / 1000), ...series.map((s) => s.values)];

  useEffect(() => {
    const element = box.current;
    const width = Math.max(300, element.clientWidth);
    plot.current = new uPlot({
      width,
      height: 220,
      title,
      scales: { x: { time: true } },
      axes: [{}, { size: 70 }],
      legend: { live: true },
      series: [{}, ...series.map((s, i) => ({
        label: s.label,
        stroke: COLORS[i % COLORS.length],
        width: i === 0 ? 2 : 1,
        spanGaps: false,
      }))],
    }, data, element);
    const resize = new ResizeObserver(() => {
      plot.current?.setSize({ width: Math.max(300, element.clientWidth), height: 220 });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [labels, title]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return <div class="chart" ref={box} data-testid={testid} data-points={times.length} />;
}

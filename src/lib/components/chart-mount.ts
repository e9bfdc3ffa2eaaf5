import type { Chart, ChartConfiguration } from 'chart.js';
import { UI_COLORS } from '$lib/domain/colors';

export interface DrawnChart {
	/** Draws the chart again with new data and options (a page changed its data client-side). */
	update(config: ChartConfiguration): void;
	destroy(): void;
}

/**
 * Draws a chart.js chart on a canvas once chart.js has loaded (a dynamic import, so pages without
 * charts never load it), in the page's font and text colour, and redraws it when its data
 * changes. What is drawn is written to the canvas's `data-drawn` (labels and values, from the
 * chart itself), so a browser test can read what the chart shows.
 */
export function mountChart(
	canvas: HTMLCanvasElement,
	load: () => Promise<typeof Chart>,
	config: () => ChartConfiguration
): DrawnChart {
	let chart: Chart | undefined;
	let cancelled = false;
	const full = (c: ChartConfiguration) =>
		({
			...c,
			options: { responsive: true, maintainAspectRatio: false, animation: false, ...c.options }
		}) as ChartConfiguration;
	const record = () => {
		if (!chart) return;
		canvas.dataset.drawn = JSON.stringify({
			labels: chart.data.labels,
			datasets: chart.data.datasets.map((d) => ({ label: d.label, data: d.data })),
			// The tick labels each axis drew, e.g. the categories beside horizontal bars.
			axes: Object.fromEntries(
				Object.entries(chart.scales).map(([id, scale]) => [id, scale.ticks.map((t) => t.label)])
			)
		});
	};
	void load().then((ChartClass) => {
		if (cancelled) return;
		ChartClass.defaults.font.family = getComputedStyle(canvas).fontFamily;
		ChartClass.defaults.color = UI_COLORS.text;
		chart = new ChartClass(canvas, full(config()));
		record();
	});
	return {
		update(c) {
			if (!chart) return; // not drawn yet: the first drawing reads the latest config
			const next = full(c);
			chart.data = next.data;
			chart.options = next.options ?? {};
			chart.update('none');
			record();
		},
		destroy() {
			cancelled = true;
			chart?.destroy();
		}
	};
}

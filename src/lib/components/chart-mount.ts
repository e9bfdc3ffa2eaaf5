import { UI_COLORS } from '$lib/domain/colors';
import type { Chart, ChartConfiguration } from 'chart.js';

/**
 * Draws a chart.js chart on a canvas once chart.js has loaded (a dynamic import, so pages without
 * charts never load it), in the page's font and text colour. Returns the clean-up for onMount.
 */
export function mountChart(
	canvas: HTMLCanvasElement,
	load: () => Promise<typeof Chart>,
	config: () => ChartConfiguration
): () => void {
	let chart: Chart | undefined;
	let cancelled = false;
	void load().then((ChartClass) => {
		if (cancelled) return;
		ChartClass.defaults.font.family = getComputedStyle(canvas).fontFamily;
		ChartClass.defaults.color = UI_COLORS.text;
		const c = config();
		chart = new ChartClass(canvas, {
			...c,
			options: { responsive: true, maintainAspectRatio: false, animation: false, ...c.options }
		} as ChartConfiguration);
	});
	return () => {
		cancelled = true;
		chart?.destroy();
	};
}

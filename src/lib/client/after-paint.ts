/**
 * Runs `work` after the browser has painted the current frame: a click's own visual result (a
 * radio button checked) shows first, and the work it starts (state, progress, the save) follows
 * in a task of its own. Without animation frames (a hidden tab) it runs after a timeout.
 */
export function afterPaint(work: () => void): void {
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		work();
	};
	requestAnimationFrame(() => setTimeout(run, 0));
	// Hidden tabs get no animation frames: do not hold a save back for that.
	setTimeout(run, 100);
}

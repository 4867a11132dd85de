/**
 * A progress bar for command-line tools, on stderr so stdout stays clean for data. On a terminal
 * it redraws one line; elsewhere (CI logs) it prints a line at every 25%.
 */
export function progressBar(label: string, total: number) {
  const interactive = process.stderr.isTTY === true;
  let lastQuarter = -1;
  const render = (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    if (interactive) {
      const width = 30;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      if (done >= total) process.stderr.write('\n');
      return;
    }
    const quarter = Math.floor(ratio * 4);
    if (quarter !== lastQuarter) {
      lastQuarter = quarter;
      process.stderr.write(`${label}: ${done}/${total}\n`);
    }
  };
  let done = 0;
  render(0);
  return {
    tick(count = 1) {
      done = Math.min(total, done + count);
      render(done);
    },
  };
}

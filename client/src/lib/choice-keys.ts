// Keyboard walking for a list of checkboxes that is one tab stop (see SectorPicker.svelte).

/** Lower case without accents, for "find as you type" ("Agricultura" matches "agri"). */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * Arrow keys move focus among `boxes` (Home/End to the ends); ArrowUp on the first, Escape, or a
 * typed letter goes back to the search field (`toSearch`), which then takes the letter.
 */
export function moveAmong(event: KeyboardEvent, boxes: HTMLElement[], toSearch: () => void): void {
  const at = boxes.indexOf(document.activeElement as HTMLElement);
  if (at === -1) return;
  const go = (index: number) => {
    event.preventDefault();
    boxes[Math.max(0, Math.min(boxes.length - 1, index))]?.focus();
  };
  if (event.key === 'ArrowDown' || event.key === 'ArrowRight') go(at + 1);
  else if (event.key === 'ArrowLeft') go(at - 1);
  else if (event.key === 'ArrowUp') {
    if (at === 0) {
      event.preventDefault();
      toSearch();
    } else go(at - 1);
  } else if (event.key === 'Home') go(0);
  else if (event.key === 'End') go(boxes.length - 1);
  else if (event.key === 'Escape') {
    event.preventDefault();
    toSearch();
  } else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) toSearch();
}

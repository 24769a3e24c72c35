import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';

const autoDirection = Decoration.line({ attributes: { dir: 'auto' } });

/**
 * Each line takes the direction of its own text: `dir="auto"` on every line shown (a Hebrew line reads right to
 * left under an English one), and CodeMirror reads each line's direction back for the caret and arrow keys
 * (perLineTextDirection). `dir="auto"` on the whole text alone would follow its first letter only.
 */
export const lineDirection = [
  EditorView.perLineTextDirection.of(true),
  ViewPlugin.fromClass(class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = linesOf(view);
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) this.decorations = linesOf(update.view);
    }
  }, { decorations: (plugin) => plugin.decorations }),
];

function linesOf(view: EditorView): DecorationSet {
  const lines = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      lines.add(line.from, line.from, autoDirection);
      pos = line.to + 1;
    }
  }
  return lines.finish();
}

/**
 * Syntax highlighting that the site's CSP allows: Shiki, with its css-variables theme, and a
 * transformer that turns each token's inline `style` into a class (`tk-keyword`,
 * `tk-string`…), so the HTML carries no `style` attribute and the colours live in the
 * stylesheet (src/components/guide/guide.css). Used at build time only.
 */
import { codeToHtml, createCssVariablesTheme, type ShikiTransformer } from 'shiki';

export type CodeLanguage = 'mdx' | 'yaml' | 'shellscript' | 'json' | 'text';

const theme = createCssVariablesTheme({ name: 'css-variables', variablePrefix: '--shiki-', variableDefaults: {} });

/** `color:var(--shiki-token-keyword)` → `tk-keyword`; the foreground colour needs no class. */
export function styleToClass(style: string): string | undefined {
  const token = style.match(/^color:var\(--shiki-token-([a-z-]+)\)$/)?.[1];
  return token ? `tk-${token}` : undefined;
}

const classesNotStyles: ShikiTransformer = {
  name: 'orbital-dossier:classes-not-styles',
  pre(node) {
    delete node.properties.style;
    node.properties.class = 'code';
  },
  span(node) {
    const style = node.properties.style;
    delete node.properties.style;
    const name = typeof style === 'string' ? styleToClass(style) : undefined;
    if (name) this.addClassToHast(node, name);
  },
};

/** The code as highlighted HTML: `<pre class="code"><code>…</code></pre>`, with classes and no inline style. */
export async function highlight(code: string, lang: CodeLanguage): Promise<string> {
  // No time limit: Shiki stops tokenizing a line after 500 ms by default, so on a busy machine the same sample came out
  // plainer, and a warm build differed from a cold one.
  return codeToHtml(code.replace(/\n$/, ''), { lang, theme, transformers: [classesNotStyles], tokenizeTimeLimit: 0 });
}

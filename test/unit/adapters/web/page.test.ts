import { renderChatPage } from '../../../../adapters/web/page';
import { en } from '../../../../src/i18n/en';
import { es } from '../../../../src/i18n/es';
import { fil } from '../../../../src/i18n/fil';
import { ptBR } from '../../../../src/i18n/pt-BR';

describe('the web chat page', () => {
  it.each([
    ['es', es],
    ['pt-BR', ptBR],
    ['fil', fil],
  ] as const)('is served in %s: every marker filled, its words and chat.js’s from that catalogue', (language, c) => {
    const html = renderChatPage(language);
    expect(html).not.toMatch(/\{\{[\w.]+\}\}/);
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`placeholder="${c['web.input.placeholderSubmit']}"`);
    expect(html).toContain(`>${c['web.send']}</button>`);
    const data = /<script id="strings" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const { lang, strings } = JSON.parse(data) as { lang: string; strings: Record<string, string> };
    expect(lang).toBe(language);
    expect(strings['web.tooLong']).toBe(c['web.tooLong']);
    expect(Object.keys(strings).sort()).toEqual(
      Object.keys(en)
        .filter((k) => k.startsWith('web.'))
        .sort(),
    );
  });

  it('keeps the data block closed whatever the catalogue says', () => {
    const html = renderChatPage('en', '<script id="strings" type="application/json">{{strings}}</script>');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});

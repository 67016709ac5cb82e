#!/usr/bin/env node
// Builds the single stylesheet served at /assets/meldroute.css.
//
// Usage: node tools/build-css.mjs <outfile>
//
// The raw NL Design System files are far too large to send (the Utrecht component library is ~400 KB,
// the Voorbeeld theme ~200 KB), while a page may send at most 80 KB in total. So this script
//   1. keeps only the rules of the Utrecht components our templates use (kKeptBlocks), without the
//      modifiers that merely simulate browser states or that we do not use (kDropped*);
//   2. treats the custom properties that assets/meldroute.css sets on `.voorbeeld-theme` as theme
//      tokens, and resolves every token through its var() chain within the theme;
//   3. rewrites var() references whose outcome is fixed: a token the theme always defines and no rule
//      redeclares is replaced by its resolved value, a fallback that can never apply is removed, a
//      property nothing declares is replaced by its fallback (or the declaration by `unset`);
//   4. removes custom property declarations that nothing reads, repeating 3 and 4 until stable;
//   5. ships, in the `.voorbeeld-theme` block, only the tokens still referenced (those redeclared by some
//      rule, which therefore cannot be inlined), transitively through var() chains;
//   6. appends the rest of assets/meldroute.css, minifies everything and renames Utrecht's private
//      `--_utrecht-*` properties to short names.
// The result looks exactly like the full library with the full theme for the markup in
// docs/ui-components.md. It uses nothing but Node's standard library, is deterministic, and exits
// non-zero on any problem.
//
// Assumption behind 3 and 5: the theme class (.voorbeeld-theme) sits on <body> or <html>, so every
// element that uses a utrecht class is inside it, and no inline styles set custom properties (the CSP
// forbids inline styles anyway). To change a theme token for the app, set it on `.voorbeeld-theme` in
// assets/meldroute.css; to override it in a context, set it in a rule there (it is then kept as a var()).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const kRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const kComponentCss = join(kRoot, 'node_modules/@utrecht/component-library-css/dist/index.css');
const kThemeCss = join(kRoot, 'node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css');
const kAppCss = join(kRoot, 'assets/meldroute.css');
const kThemeSelector = '.voorbeeld-theme';
const kSizeTarget = 35 * 1024;

// Utrecht component blocks to keep: a class is kept when its block (the name before any `__element`
// or `--modifier`) is in this list. A selector is kept only if every utrecht class in it is kept, so
// rules such as `.utrecht-rich-text .utrecht-paragraph` disappear with their unused context.
const kKeptBlocks = new Set(
    [
        'document', 'page', 'page-body', 'page-header', 'page-footer', 'page-content',
        'heading-1', 'heading-2', 'heading-3', 'heading-4', 'paragraph', 'link',
        'button', 'button-group',
        'form-field', 'form-label', 'form-field-description', 'form-field-error-message',
        'textbox', 'textarea', 'select', 'checkbox', 'radio-button', 'form-fieldset',
        'alert', 'table', 'status-badge', 'badge-counter', 'data-list',
        'unordered-list', 'ordered-list', 'separator', 'skip-link', 'nav-bar', 'nav-list',
        'surface', 'code',
    ].map((block) => `utrecht-${block}`),
);

// Modifiers that only simulate a browser state, for frameworks that cannot use pseudo-classes. Our
// templates use the `--html-*` variants (`utrecht-textbox--html-input`, …), which are styled through the
// real :hover, :focus-visible, :checked, :disabled and [aria-invalid=true].
// `--distanced` (margins through --utrecht-space-around) is dropped too: meldroute.css spaces the page.
const kDroppedModifiers = new Set([
    'hover', 'focus', 'focus-visible', 'active', 'visited', 'busy', 'pressed', 'checked', 'indeterminate',
    'read-only', 'distanced',
]);
// Modifiers of one block that simulate a state (see above) or that meldroute does not use.
const kDroppedBlockModifiers = new Set([
    ...['button', 'textbox', 'textarea', 'select', 'checkbox', 'radio-button'].flatMap((block) => [
        `utrecht-${block}--disabled`,
        `utrecht-${block}--invalid`,
    ]),
    'utrecht-button--danger', 'utrecht-button--ready', 'utrecht-button--warning',
    'utrecht-link--placeholder', 'utrecht-link--forced-colors', 'utrecht-link--box-content',
    ...['numeric', 'password', 'url', 'placeholder-ltr', 'placeholder-rtl'].map((name) => `utrecht-textbox--${name}`),
    ...['postal-code-nl', 'house-number', 'house-letter', 'house-addition', 'voorvoegsel', 'tel', 'tel-nl', 'iban', 'iban-nl']
        .map((name) => `utrecht-textbox--${name}-size`),
    'utrecht-table--html-table', 'utrecht-table--fixed', 'utrecht-table--oneline', 'utrecht-table--busy',
    'utrecht-table--alternate-row-color', 'utrecht-table--row-hover', 'utrecht-table--row-focus-within',
    'utrecht-table__header--sticky', 'utrecht-table__footer--sticky', 'utrecht-table__header--hidden',
    'utrecht-table__header-cell--sticky-block', 'utrecht-table__header-cell--sticky-inline',
    'utrecht-table__row--selected', 'utrecht-table__header-cell--selected', 'utrecht-table__cell--selected',
    'utrecht-table__row--alternate-odd', 'utrecht-table__row--alternate-even',
    'utrecht-table__data--truncate',
]);
// Elements (`block__element`, without modifier) that meldroute does not use.
const kDroppedElements = new Set(['utrecht-table__header-cell-button', 'utrecht-table__figcaption']);

function Fail(message) {
    process.stderr.write(`build-css: ${message}\n`);
    process.exit(1);
}

function ReadInput(path) {
    try {
        return readFileSync(path, 'utf8');
    } catch (error) {
        return Fail(`cannot read ${path}: ${error.message}`);
    }
}

// ---------------------------------------------------------------------------------------------------
// Parsing

// Returns the index just past the string literal that starts at `start`.
function SkipString(css, start) {
    const quote = css[start];
    let i = start + 1;
    while (i < css.length && css[i] !== quote) {
        if (css[i] === '\\') i++;
        else if (css[i] === '\n') Fail('unterminated string');
        i++;
    }
    if (i >= css.length) Fail('unterminated string');
    return i + 1;
}

// Removes comments, leaving strings untouched.
function StripComments(css) {
    let out = '';
    for (let i = 0; i < css.length;) {
        const ch = css[i];
        if (ch === '"' || ch === "'") {
            const end = SkipString(css, i);
            out += css.slice(i, end);
            i = end;
        } else if (ch === '/' && css[i + 1] === '*') {
            const end = css.indexOf('*/', i + 2);
            if (end < 0) Fail('unterminated comment');
            out += ' ';
            i = end + 2;
        } else {
            out += ch;
            i++;
        }
    }
    return out;
}

// Splits on `separator` at bracket depth 0, outside strings.
function SplitTopLevel(text, separator) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (ch === '"' || ch === "'") {
            i = SkipString(text, i) - 1;
        } else if (ch === '(' || ch === '[') {
            depth++;
        } else if (ch === ')' || ch === ']') {
            depth--;
        } else if (ch === separator && depth === 0) {
            parts.push(text.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(text.slice(start));
    return parts;
}

// Parses comment-free CSS into nodes:
//   {kind: 'rule', selector, declarations: [{property, value}]}  a style rule or @font-face/@page;
//   {kind: 'block', prelude, children}                           @media, @supports, @keyframes, …;
//   {kind: 'statement', text}                                    @charset, @import, ….
// Selectors, preludes and values come out minified.
function Parse(css) {
    let pos = 0;
    function ParseList(nested) {
        const nodes = [];
        for (;;) {
            while (pos < css.length && /\s/.test(css[pos])) pos++;
            if (pos >= css.length) {
                if (nested) Fail('unexpected end of input: missing }');
                return nodes;
            }
            if (css[pos] === '}') {
                if (!nested) Fail(`unbalanced } at offset ${pos}`);
                pos++;
                return nodes;
            }
            const start = pos;
            while (pos < css.length && css[pos] !== '{' && css[pos] !== ';' && css[pos] !== '}') {
                pos = css[pos] === '"' || css[pos] === "'" ? SkipString(css, pos) : pos + 1;
            }
            const prelude = css.slice(start, pos).trim();
            if (css[pos] === ';') {
                pos++;
                nodes.push({ kind: 'statement', text: MinifyPrelude(prelude) });
                continue;
            }
            if (css[pos] !== '{') Fail(`expected { after "${prelude.slice(0, 60)}"`);
            pos++;
            const bodyStart = pos;
            let depth = 1;
            let nestedBlocks = false;
            while (depth > 0) {
                if (pos >= css.length) Fail(`unterminated block "${prelude.slice(0, 60)}"`);
                const ch = css[pos];
                if (ch === '"' || ch === "'") {
                    pos = SkipString(css, pos);
                    continue;
                }
                if (ch === '{') {
                    depth++;
                    nestedBlocks = true;
                }
                if (ch === '}') depth--;
                pos++;
            }
            const body = css.slice(bodyStart, pos - 1);
            if (prelude.startsWith('@') && (nestedBlocks || /^@(media|supports|container|layer)\b/i.test(prelude))) {
                nodes.push({ kind: 'block', prelude: MinifyPrelude(prelude), children: Parse(body) });
            } else if (nestedBlocks) {
                Fail(`nested rules inside "${prelude.slice(0, 60)}" are not supported`);
            } else {
                nodes.push({ kind: 'rule', selector: prelude, declarations: ParseDeclarations(body) });
            }
        }
    }
    return ParseList(false);
}

function ParseDeclarations(body) {
    const declarations = [];
    for (const part of SplitTopLevel(body, ';')) {
        const text = part.trim();
        if (text === '') continue;
        const colon = text.indexOf(':');
        if (colon < 0) Fail(`malformed declaration "${text.slice(0, 60)}"`);
        declarations.push({ property: text.slice(0, colon).trim(), value: MinifyValue(text.slice(colon + 1)) });
    }
    return declarations;
}

// ---------------------------------------------------------------------------------------------------
// Minifying

function MinifySelector(selector) {
    return selector
        .replace(/\s+/g, ' ')
        .replace(/ ?([>+~,]) ?/g, '$1')
        .replace(/\( /g, '(')
        .replace(/ \)/g, ')')
        .trim();
}

function MinifyPrelude(prelude) {
    return prelude
        .replace(/\s+/g, ' ')
        .replace(/ ?, ?/g, ',')
        .replace(/\( /g, '(')
        .replace(/ \)/g, ')')
        .replace(/\(([a-z-]+) ?: ?/g, '($1:')
        .trim();
}

// Collapses whitespace outside strings, keeping one space where it separates tokens (calc() operators,
// shorthand parts).
function MinifyValue(value) {
    let out = '';
    for (let i = 0; i < value.length;) {
        const ch = value[i];
        if (ch === '"' || ch === "'") {
            const end = SkipString(value, i);
            out += value.slice(i, end);
            i = end;
        } else if (/\s/.test(ch)) {
            while (i < value.length && /\s/.test(value[i])) i++;
            out += ' ';
        } else {
            out += ch;
            i++;
        }
    }
    return out
        .replace(/ ?, ?/g, ',')
        .replace(/\( /g, '(')
        .replace(/ \)/g, ')')
        .replace(/ ?!important/g, '!important')
        .trim();
}

// Shorter spellings of the same value, outside strings: `#ffffff` → `#fff`, `rgba(0,0,0,0)` →
// `transparent`, `0.5em` → `.5em`.
function ShortenValue(value) {
    return SplitStrings(value)
        .map((part, index) =>
            index % 2 === 1
                ? part
                : part
                      .replace(/#([0-9a-f])\1([0-9a-f])\2([0-9a-f])\3\b/gi, '#$1$2$3')
                      .replace(/rgba\(0,0,0,0\)/g, 'transparent')
                      .replace(/(^|[^0-9a-zA-Z_.-])0\.(\d)/g, '$1.$2'),
        )
        .join('');
}

// Splits a value into alternating non-string and string parts (strings at odd indexes).
function SplitStrings(value) {
    const parts = [];
    let start = 0;
    for (let i = 0; i < value.length; i++) {
        if (value[i] === '"' || value[i] === "'") {
            const end = SkipString(value, i);
            parts.push(value.slice(start, i), value.slice(i, end));
            start = end;
            i = end - 1;
        }
    }
    parts.push(value.slice(start));
    return parts;
}

// Drops `page-break-X` where the rule also sets its standard replacement `break-X`.
function WithoutLegacyPageBreaks(declarations) {
    const properties = new Set(declarations.map(({ property }) => property));
    return declarations.filter(
        ({ property }) => !property.startsWith('page-break-') || !properties.has(property.slice('page-'.length)),
    );
}

const kCssWideKeywords = new Set(['initial', 'inherit', 'unset', 'revert', 'revert-layer']);

// Merges `X-block-start` + `X-block-end` into `X-block` (and the same for inline) for margin and
// padding, or all four into `X` when they are equal. Only done when the rule sets no other X property,
// so declaration order cannot matter.
function MergeLogicalBoxes(declarations) {
    let result = declarations;
    for (const box of ['margin', 'padding']) {
        const related = result.filter(({ property }) => property === box || property.startsWith(`${box}-`));
        const sides = new Map(related.map(({ property, value }) => [property.slice(box.length + 1), value]));
        const names = ['block-start', 'block-end', 'inline-start', 'inline-end'];
        if (related.length !== sides.size || related.some(({ value }) => value.includes('!important'))) continue;
        // A CSS-wide keyword (`unset`, …) cannot be one of several values in a shorthand.
        const values = new Set(sides.values());
        if ([...values].some((value) => kCssWideKeywords.has(value)) && values.size > 1) continue;
        if ([...sides.keys()].some((side) => !names.includes(side))) continue;
        const merged = [];
        if (sides.size === 4 && new Set(sides.values()).size === 1) {
            merged.push({ property: box, value: sides.get('block-start') });
        } else {
            for (const axis of ['block', 'inline']) {
                const start = sides.get(`${axis}-start`);
                const end = sides.get(`${axis}-end`);
                if (start === undefined || end === undefined) {
                    if (start !== undefined) merged.push({ property: `${box}-${axis}-start`, value: start });
                    if (end !== undefined) merged.push({ property: `${box}-${axis}-end`, value: end });
                } else {
                    merged.push({ property: `${box}-${axis}`, value: start === end ? start : `${start} ${end}` });
                }
            }
        }
        const first = result.indexOf(related[0]);
        result = result.filter((declaration) => !related.includes(declaration));
        result.splice(Math.min(first, result.length), 0, ...merged);
    }
    return result;
}

function Serialize(nodes) {
    return nodes
        .map((node) => {
            switch (node.kind) {
                case 'rule': {
                    const body = MergeLogicalBoxes(WithoutLegacyPageBreaks(node.declarations))
                        .map(({ property, value }) => `${property}:${ShortenValue(value)}`)
                        .join(';');
                    return `${MinifySelector(node.selector)}{${body}}`;
                }
                case 'block':
                    return `${node.prelude}{${Serialize(node.children)}}`;
                case 'statement':
                    return `${node.text};`;
                default:
                    return Fail(`unknown node kind ${node.kind}`);
            }
        })
        .join('');
}

// ---------------------------------------------------------------------------------------------------
// Choosing the component rules

// Removes the arguments of :not(...): a class that is only excluded there does not make a rule unused.
function WithoutNegations(selector) {
    let out = '';
    for (let i = 0; i < selector.length;) {
        if (selector.startsWith(':not(', i)) {
            let depth = 1;
            i += ':not('.length;
            while (i < selector.length && depth > 0) {
                if (selector[i] === '(') depth++;
                if (selector[i] === ')') depth--;
                i++;
            }
        } else {
            out += selector[i++];
        }
    }
    return out;
}

function IsKeptClass(name) {
    if (!kKeptBlocks.has(name.split(/__|--/)[0]) || kDroppedElements.has(name.split('--')[0])) return false;
    const modifier = name.includes('--') ? name.slice(name.indexOf('--') + 2) : null;
    return modifier === null || (!kDroppedModifiers.has(modifier) && !kDroppedBlockModifiers.has(name));
}

function IsKeptSelector(selector) {
    const classes = WithoutNegations(selector).match(/\.utrecht-[a-zA-Z0-9_-]+/g) ?? [];
    return classes.length > 0 && classes.every((cls) => IsKeptClass(cls.slice(1)));
}

// Drops the queries for Internet Explorer's high-contrast mode from a media query list (forced-colors
// covers current browsers); null when nothing is left.
function WithoutLegacyMediaQueries(prelude) {
    if (!prelude.startsWith('@media ')) return prelude;
    const queries = SplitTopLevel(prelude.slice('@media '.length), ',').filter((q) => !q.includes('-ms-high-contrast'));
    return queries.length > 0 ? `@media ${queries.join(',')}` : null;
}

// Keeps the wanted selectors of each rule, recursing into conditional blocks. @keyframes, @font-face and
// @charset of the library are dropped (none of the kept components animates; @charset is re-added).
function FilterComponents(nodes) {
    const kept = [];
    for (const node of nodes) {
        if (node.kind === 'rule' && !node.selector.startsWith('@')) {
            const selectors = SplitTopLevel(node.selector, ',').map((s) => s.trim()).filter(IsKeptSelector);
            if (selectors.length > 0) kept.push({ ...node, selector: selectors.join(',') });
        } else if (node.kind === 'block' && /^@(media|supports|container)\b/.test(node.prelude)) {
            const children = FilterComponents(node.children);
            const prelude = WithoutLegacyMediaQueries(node.prelude);
            if (children.length > 0 && prelude !== null) kept.push({ ...node, prelude, children });
        }
    }
    return kept;
}

// ---------------------------------------------------------------------------------------------------
// Custom properties

function* Rules(nodes) {
    for (const node of nodes) {
        if (node.kind === 'rule') yield node;
        else if (node.kind === 'block') yield* Rules(node.children);
    }
}

// Drops rules without declarations and blocks without rules.
function Prune(nodes) {
    return nodes
        .map((node) => (node.kind === 'block' ? { ...node, children: Prune(node.children) } : node))
        .filter((node) =>
            node.kind === 'rule' ? node.declarations.length > 0 : node.kind !== 'block' || node.children.length > 0,
        );
}

function DeclaredProperties(nodes) {
    const declared = new Set();
    for (const rule of Rules(nodes)) {
        for (const { property } of rule.declarations) if (property.startsWith('--')) declared.add(property);
    }
    return declared;
}

function ReferencedProperties(text) {
    return new Set([...text.matchAll(/var\((--[a-zA-Z0-9_-]+)/g)].map((match) => match[1]));
}

function ReferencedByRules(nodes) {
    const referenced = new Set();
    for (const rule of Rules(nodes)) {
        for (const { value } of rule.declarations) for (const name of ReferencedProperties(value)) referenced.add(name);
    }
    return referenced;
}

// Calls replace(name, fallback) for each outermost var() in `value` (fallback is undefined when there is
// none) and returns the value with each var() replaced by what it returns.
function MapVars(value, replace) {
    let out = '';
    let i = 0;
    for (;;) {
        const start = value.indexOf('var(', i);
        if (start < 0) return out + value.slice(i);
        if (start > 0 && /[a-zA-Z0-9_-]/.test(value[start - 1])) {
            out += value.slice(i, start + 4);
            i = start + 4;
            continue;
        }
        let depth = 1;
        let end = start + 4;
        for (; end < value.length && depth > 0; end++) {
            if (value[end] === '"' || value[end] === "'") end = SkipString(value, end) - 1;
            else if (value[end] === '(') depth++;
            else if (value[end] === ')') depth--;
        }
        if (depth !== 0) Fail(`unbalanced var( in "${value.slice(0, 80)}"`);
        const [name, ...fallback] = SplitTopLevel(value.slice(start + 4, end - 1), ',');
        out += value.slice(i, start) + replace(name.trim(), fallback.length > 0 ? fallback.join(',') : undefined);
        i = end;
    }
}

// The custom properties of the theme block, in source order, with their values.
function ReadTheme(css) {
    const tokens = new Map();
    for (const node of Parse(StripComments(css))) {
        if (node.kind !== 'rule' || node.selector !== kThemeSelector) continue;
        for (const { property, value } of node.declarations) if (property.startsWith('--')) tokens.set(property, value);
    }
    if (tokens.size === 0) Fail(`no ${kThemeSelector} block with custom properties in ${kThemeCss}`);
    return tokens;
}

// Resolves each theme token through the var() chains inside the theme. A token that some stylesheet rule
// redeclares is left out: its value depends on where it is used. Returns name → resolved value for the
// tokens that resolve completely (no var() left), which are therefore always valid inside the theme.
function ResolveTheme(tokens, declared) {
    const resolved = new Map();
    const visiting = new Set();
    function Resolve(name) {
        if (resolved.has(name)) return resolved.get(name);
        if (!tokens.has(name) || declared.has(name) || visiting.has(name)) return null;
        visiting.add(name);
        let complete = true;
        const value = MapVars(tokens.get(name), (ref, fallback) => {
            const refValue = Resolve(ref);
            if (refValue !== null) return refValue;
            if (fallback !== undefined && !fallback.includes('var(')) return fallback.trim();
            complete = false;
            return '';
        });
        visiting.delete(name);
        resolved.set(name, complete ? value : null);
        return resolved.get(name);
    }
    for (const name of tokens.keys()) Resolve(name);
    return new Map([...resolved].filter(([, value]) => value !== null));
}

// Rewrites var() references whose outcome is known from the stylesheets alone. The Utrecht rules chain
// long fallbacks (`var(--a, var(--b, var(--c, 0)))`) for themes that define only some tokens; with one
// fixed theme most links are dead weight:
//   - a token the theme always defines never falls back: `var(--a, …)` becomes `var(--a)`;
//   - a property that nothing declares is always the guaranteed-invalid value: `var(--a, x)` becomes `x`.
// Properties that some rule declares keep their fallbacks, since their value depends on context.
function SimplifyVars(value, resolvedTokens, declared, themeNames) {
    return MapVars(value, (name, fallback) => {
        const simpler = fallback === undefined ? undefined : SimplifyVars(fallback, resolvedTokens, declared, themeNames);
        if (resolvedTokens.has(name)) return resolvedTokens.get(name);
        if (simpler !== undefined && !declared.has(name) && !themeNames.has(name)) return simpler.trim();
        return simpler === undefined ? `var(${name})` : `var(${name},${simpler})`;
    });
}

// True when the value has an outermost var() of a property that nothing declares, without fallback: the
// declaration is then invalid at computed-value time whatever the context.
function AlwaysInvalid(value, declared, themeNames) {
    let invalid = false;
    MapVars(value, (name, fallback) => {
        if (fallback === undefined && !declared.has(name) && !themeNames.has(name)) invalid = true;
        return '';
    });
    return invalid;
}

// What a declaration that is invalid at computed-value time behaves as: `unset` for a property, the
// guaranteed-invalid value (`initial`) for a custom property.
function AsUnset(property, value) {
    const important = value.endsWith('!important') ? '!important' : '';
    return (property.startsWith('--') ? 'initial' : 'unset') + important;
}

// Folds `calc(x * 0)` to 0 where x is a number, or a var() of a property that only ever holds a number
// (Utrecht's `calc(var(--utrecht-space-around, 0) * 0)` margins, once the theme sets no margin).
function FoldCalc(value, numericProperties) {
    const number = '-?[\\d.]+[a-z%]*';
    const numericVar = 'var\\((--[a-zA-Z0-9_-]+),-?[\\d.]+\\)';
    return value
        .replace(new RegExp(`calc\\((?:0 \\* ${number}|${number} \\* 0)\\)`, 'g'), '0')
        .replace(new RegExp(`calc\\(${numericVar} \\* 0[a-z%]*\\)`, 'g'), (match, name) =>
            numericProperties.has(name) ? '0' : match,
        );
}

// Custom properties declared only with plain numbers (and not by the theme).
function NumericProperties(nodeLists, themeNames) {
    const numeric = new Map();
    for (const nodes of nodeLists) {
        for (const rule of Rules(nodes)) {
            for (const { property, value } of rule.declarations) {
                if (!property.startsWith('--')) continue;
                numeric.set(property, (numeric.get(property) ?? true) && /^-?[\d.]+$/.test(value));
            }
        }
    }
    return new Set([...numeric].filter(([name, isNumeric]) => isNumeric && !themeNames.has(name)).map(([name]) => name));
}

// Simplifies var() references and removes declarations of custom properties that nothing reads, until
// neither changes anything (a removed declaration can make more fallbacks dead, and the reverse).
function OptimizeCustomProperties(componentNodes, appNodes, tokens) {
    const themeNames = new Set(tokens.keys());
    let components = componentNodes;
    for (;;) {
        const declared = new Set([...DeclaredProperties(components), ...DeclaredProperties(appNodes)]);
        const resolvedTokens = ResolveTheme(tokens, declared);
        const numericProperties = NumericProperties([components, appNodes], themeNames);
        const Rewrite = (nodes) =>
            nodes.map((node) => {
                if (node.kind === 'block') return { ...node, children: Rewrite(node.children) };
                if (node.kind !== 'rule') return node;
                const declarations = node.declarations.map(({ property, value }) => {
                    const simpler = FoldCalc(SimplifyVars(value, resolvedTokens, declared, themeNames), numericProperties);
                    // An empty value would be a parse error instead of a computed-time fallback.
                    if (simpler === '') return { property, value };
                    if (AlwaysInvalid(simpler, declared, themeNames)) return { property, value: AsUnset(property, simpler) };
                    return { property, value: simpler };
                });
                return { ...node, declarations };
            });
        const rewritten = Rewrite(components);
        const app = Rewrite(appNodes);
        const referenced = new Set([...ReferencedByRules(rewritten), ...ReferencedByRules(app)]);
        const Sweep = (nodes) =>
            nodes.map((node) => {
                if (node.kind === 'block') return { ...node, children: Sweep(node.children) };
                if (node.kind !== 'rule') return node;
                const declarations = node.declarations.filter(
                    ({ property }) => !property.startsWith('--') || referenced.has(property),
                );
                return { ...node, declarations };
            });
        const swept = Prune(Sweep(rewritten));
        if (Serialize(swept) === Serialize(components)) return { components: swept, app, resolvedTokens, referenced };
        components = swept;
    }
}

// Moves the custom properties that the app stylesheet sets on the theme selector itself into `tokens`,
// so they are treated (resolved, inlined) like the theme's own; returns the remaining app rules.
function TakeAppTokens(appNodes, tokens) {
    return Prune(
        appNodes.map((node) => {
            if (node.kind !== 'rule' || MinifySelector(node.selector) !== kThemeSelector) return node;
            for (const { property, value } of node.declarations) if (property.startsWith('--')) tokens.set(property, value);
            return { ...node, declarations: node.declarations.filter(({ property }) => !property.startsWith('--')) };
        }),
    );
}

// Renames Utrecht's private custom properties (`--_utrecht-…`, internal to its rules by convention and
// never set from HTML) to short names, numbered in order of first appearance so the output is stable.
function ShortenPrivateNames(css) {
    const names = new Map();
    return css.replace(/--_utrecht-[a-zA-Z0-9_-]+/g, (name) => {
        if (!names.has(name)) names.set(name, `--_${names.size.toString(36)}`);
        return names.get(name);
    });
}

// ---------------------------------------------------------------------------------------------------

function Main() {
    const outfile = process.argv[2];
    if (!outfile || process.argv.length > 3) Fail('usage: node tools/build-css.mjs <outfile>');

    const componentNodes = FilterComponents(Parse(StripComments(ReadInput(kComponentCss))));
    if (componentNodes.length === 0) Fail('no component rules kept; has the component library changed?');
    const tokens = ReadTheme(ReadInput(kThemeCss));
    const appNodes = TakeAppTokens(Parse(StripComments(ReadInput(kAppCss))), tokens);

    const { components, app, resolvedTokens, referenced } = OptimizeCustomProperties(componentNodes, appNodes, tokens);

    // The referenced theme tokens, in theme order, with resolved tokens inside their values inlined (the
    // values are computed on the theme element, where a resolved token always has its resolved value).
    const Inline = (value) =>
        MapVars(value, (name, fallback) =>
            resolvedTokens.has(name)
                ? resolvedTokens.get(name)
                : `var(${name}${fallback === undefined ? '' : `,${Inline(fallback)}`})`,
        );
    const shipped = new Set();
    const pending = [...referenced];
    while (pending.length > 0) {
        const name = pending.pop();
        if (shipped.has(name) || !tokens.has(name)) continue;
        shipped.add(name);
        pending.push(...ReferencedProperties(Inline(tokens.get(name))));
    }
    const theme = [...tokens.keys()]
        .filter((name) => shipped.has(name))
        .map((name) => `${name}:${ShortenValue(resolvedTokens.get(name) ?? Inline(tokens.get(name)))}`)
        .join(';');

    let bundle = ShortenPrivateNames(`${kThemeSelector}{${theme}}${Serialize(components)}${Serialize(app)}`) + '\n';
    // Non-ASCII text (e.g. a bullet in `content`) needs the encoding declared in the file itself.
    if (/[^\x00-\x7f]/.test(bundle)) bundle = `@charset "UTF-8";${bundle}`;

    try {
        mkdirSync(dirname(resolve(outfile)), { recursive: true });
        writeFileSync(outfile, bundle);
    } catch (error) {
        Fail(`cannot write ${outfile}: ${error.message}`);
    }

    const bytes = Buffer.byteLength(bundle);
    process.stdout.write(
        `${outfile}: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB, target ≤ ${kSizeTarget / 1024} KiB; ` +
            `${shipped.size} theme tokens)\n`,
    );
    if (bytes > kSizeTarget) process.stderr.write(`build-css: warning: bundle exceeds ${kSizeTarget / 1024} KiB\n`);
}

Main();

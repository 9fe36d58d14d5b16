"""Just enough C++ lexing for the tree-wide rule scripts: which bytes are code (not comments or
string/char literals), bracket matching and top-level splitting on code bytes only.

Used by scripts/dev/extract_cases.py and scripts/dev/gen_rules_def.py; not a parser, but exact
about the lexical cases the rule files use (raw strings with delimiters, escapes, digit
separators, comments inside initialiser lists).
"""
import re

_RAW_START = re.compile(r'(?:u8|u|U|L)?R"([^()\\ \t\n]{0,16})\(')
_OPEN = {'(': ')', '[': ']', '{': '}'}
_CLOSE = {')', ']', '}'}


def code_mask(text):
    """bytearray: 1 where text[i] is code, 0 inside comments and literals (quotes included)."""
    n = len(text)
    mask = bytearray(n)
    i = 0
    while i < n:
        c = text[i]
        if c == '/' and text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if c == '/' and text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            continue
        if c in 'uULR' and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            m = _RAW_START.match(text, i)
            if m:
                end = text.find(')' + m.group(1) + '"', m.end())
                i = n if end < 0 else end + len(m.group(1)) + 2
                continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        if c == "'":
            if i > 0 and text[i - 1].isalnum() and _in_number(text, i):
                mask[i] = 1  # digit separator: 1'000
                i += 1
                continue
            j = i + 1
            while j < n and text[j] != "'":
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        mask[i] = 1
        i += 1
    return mask


def _in_number(text, i):
    j = i - 1
    while j >= 0 and (text[j].isalnum() or text[j] in "_'."):
        j -= 1
    return text[j + 1].isdigit()


def match_close(text, mask, open_pos):
    """Index of the bracket closing the one at open_pos (code bytes only); -1 if unbalanced."""
    depth = 0
    for i in range(open_pos, len(text)):
        if not mask[i]:
            continue
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return -1


def split_top(text, mask, start, end, sep=','):
    """[(s, e)] spans of start..end split at top-level `sep` (outside any bracket)."""
    spans, depth, s = [], 0, start
    for i in range(start, end):
        if not mask[i]:
            continue
        c = text[i]
        if c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
        elif c == sep and depth == 0:
            spans.append((s, i))
            s = i + 1
    if text[s:end].strip():
        spans.append((s, end))
    return spans


def find_code(text, mask, pattern, start=0, end=None):
    """First regex match of pattern whose first byte is code."""
    rx = re.compile(pattern)
    pos = start
    end = len(text) if end is None else end
    while True:
        m = rx.search(text, pos, end)
        if not m or mask[m.start()]:
            return m
        pos = m.start() + 1


def code_identifiers(text, mask, start=0, end=None):
    """Set of identifiers appearing in code bytes of text[start:end]."""
    end = len(text) if end is None else end
    chars = ''.join(ch if mask[i] else ' ' for i, ch in enumerate(text[start:end], start))
    return set(re.findall(r'[A-Za-z_][A-Za-z0-9_]*', chars))


def strip_comments(s):
    """s without leading whitespace and comments."""
    while True:
        s = s.lstrip()
        if s.startswith('//'):
            j = s.find('\n')
            s = '' if j < 0 else s[j:]
        elif s.startswith('/*'):
            j = s.find('*/')
            s = '' if j < 0 else s[j + 2:]
        else:
            return s

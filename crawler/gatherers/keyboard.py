"""Tabbing through a page with the real keyboard: what axe's static analysis cannot see.

Each Tab press is a real key event (Playwright → CDP Input), so `:focus-visible`, focus
handlers and focus traps behave as for a keyboard user. Before the first press the page's
focusable elements (and their parents, for `:focus-within`, and ::before/::after) have
their unfocused styles recorded; after each press the focused element's styles (with CSS
transitions finished) are compared with that record, which is cheaper and steadier than
screenshot pairs. The walk is bounded (MAX_TABS presses, fewer when focus comes back to
<body>, which is where the probe stops reading); then the first focusable, if it
is an in-page link, is activated with Enter to see whether it really moves focus past
the header. The page is left focused and scrolled: this gatherer runs last (order 90).
"""

from __future__ import annotations

import time
from typing import Any, ClassVar

from crawler.gatherers.base import Gatherer, PageContext

MAX_TABS = 40

HELPERS = r"""
(() => {
  if (window.__mtKb) return;
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
    'border-top-color', 'border-bottom-color', 'border-left-color', 'border-right-color',
    'border-top-width', 'border-bottom-width', 'border-top-style', 'background-color',
    'background-image', 'color', 'text-decoration-line', 'text-decoration-color',
    'text-decoration-thickness', 'opacity', 'transform', 'filter', 'clip', 'clip-path', 'visibility'];
  const FOCUSABLE = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, ' +
    'summary, [tabindex], [contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';
  const styleOf = (el, pseudo) => { const cs = getComputedStyle(el, pseudo || null); const o = {};
    for (const p of PROPS) o[p] = cs.getPropertyValue(p); if (pseudo) o.content = cs.getPropertyValue('content'); return o; };
  const rectOf = (el) => { const r = el.getBoundingClientRect();
    return {x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), w: Math.round(r.width), h: Math.round(r.height),
            vx: Math.round(r.left), vy: Math.round(r.top)}; };
  const snap = (el) => ({self: styleOf(el), before: styleOf(el, '::before'), after: styleOf(el, '::after'),
    parent: el.parentElement ? styleOf(el.parentElement) : null, rect: rectOf(el)});
  const cssPath = (el) => {
    if (!el || el.nodeType !== 1) return null;
    const parts = [];
    for (let n = el; n && n.nodeType === 1 && parts.length < 12; n = n.parentElement) {
      if (n.id && document.querySelectorAll('#' + CSS.escape(n.id)).length === 1) { parts.unshift('#' + CSS.escape(n.id)); break; }
      let part = n.tagName.toLowerCase();
      const sib = n.parentElement ? Array.from(n.parentElement.children).filter(c => c.tagName === n.tagName) : [];
      if (sib.length > 1) part += ':nth-of-type(' + (sib.indexOf(n) + 1) + ')';
      parts.unshift(part);
      if (n === document.body) break;
    }
    return parts.join(' > ');
  };
  const deepActive = () => { let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a; };
  const diff = (a, b) => { const out = []; if (!a || !b) return out;
    for (const k of Object.keys(a)) if (a[k] !== b[k]) out.push(k); return out; };
  const fixedAncestor = (el) => { for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const p = getComputedStyle(n).position; if (p === 'fixed' || p === 'sticky') return true; } return false; };
  const before = new WeakMap();
  window.__mtKb = {
    snapshot() {
      const els = Array.from(document.querySelectorAll(FOCUSABLE)).slice(0, 600);
      for (const el of els) if (!before.has(el)) before.set(el, snap(el));
      return els.length;
    },
    reset() {
      // Blur only: focusing <body> would make Chrome skip positive-tabindex elements.
      const a = deepActive(); if (a && a.blur) a.blur();
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      window.scrollTo(0, 0);
    },
    step() {
      const el = deepActive();
      if (!el || el === document.body || el === document.documentElement) return {selector: null, body: true};
      for (const an of el.getAnimations ? el.getAnimations({subtree: false}) : []) { try { an.finish(); } catch (e) {} }
      const now = snap(el); const was = before.get(el);
      const cs = getComputedStyle(el);
      const r = now.rect;
      const hidden = r.w < 1 || r.h < 1 || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0 ||
        r.x + r.w <= 0 || r.y + r.h <= 0 || r.vx >= innerWidth || (cs.clip && cs.clip !== 'auto' && r.w <= 1);
      const changed = was ? [].concat(diff(was.self, now.self), diff(was.before, now.before).map(k => '::before ' + k),
        diff(was.after, now.after).map(k => '::after ' + k), diff(was.parent, now.parent).map(k => 'parent ' + k)) : null;
      const moved = was ? (Math.abs(was.rect.x - r.x) > 2 || Math.abs(was.rect.y - r.y) > 2 ||
        Math.abs(was.rect.w - r.w) > 2 || Math.abs(was.rect.h - r.h) > 2) : false;
      if (moved && changed) changed.push('position');
      const outline = now.self['outline-style'] !== 'none' && parseFloat(now.self['outline-width']) > 0;
      const wasOutline = was && was.self['outline-style'] !== 'none' && parseFloat(was.self['outline-width']) > 0;
      const visible = (changed || []).filter(k => {
        const base = k.replace(/^(::before|::after|parent) /, '');
        if (/^outline-(color|offset|width)$/.test(base) && k === base) return outline || wasOutline;
        if (/^outline-/.test(base) && k !== base) return false;
        if (/^border-.*-color$/.test(base)) return parseFloat(cs.borderTopWidth) > 0 || parseFloat(cs.borderBottomWidth) > 0;
        if (/^text-decoration-(color|thickness)$/.test(base)) return cs.textDecorationLine !== 'none';
        if (k.startsWith('::') && base !== 'content' && now[k.startsWith('::before') ? 'before' : 'after'].content === 'none') return false;
        return true;
      });
      const href = el.getAttribute('href');
      const dialog = el.closest('dialog[open], [role=dialog][aria-modal=true], [role=alertdialog]');
      return {
        selector: cssPath(el), tag: el.tagName.toLowerCase(), role: el.getAttribute('role'),
        text: ((el.innerText || el.value || el.getAttribute('aria-label') || el.getAttribute('title') || '') + '')
          .replace(/\s+/g, ' ').trim().slice(0, 80),
        href: href, hash: href && href.startsWith('#') ? href : (el.hash && el.host === location.host && el.pathname === location.pathname ? el.hash : null),
        tabindex: el.getAttribute('tabindex'), rect: r, hidden, fixed: fixedAncestor(el),
        frame: el.tagName === 'IFRAME' || el.tagName === 'FRAME', in_dialog: !!dialog,
        known: !!was, changed, visible_changes: visible, outline, outline_style: now.self['outline-style'],
        html: el.outerHTML.slice(0, 200),
      };
    },
    focus(selector) {
      const el = selector ? document.querySelector(selector) : null;
      if (!el) return false;
      el.focus(); return document.activeElement === el;
    },
    skipTarget(hash) {
      if (!hash || hash.length < 2) return null;
      let id = hash.slice(1); try { id = decodeURIComponent(id); } catch (e) {}
      const t = document.getElementById(id) || document.getElementsByName(id)[0];
      return t ? {selector: cssPath(t), tag: t.tagName.toLowerCase()} : null;
    },
    afterSkip(hash) {
      let id = (hash || '').slice(1); try { id = decodeURIComponent(id); } catch (e) {}
      const t = id ? (document.getElementById(id) || document.getElementsByName(id)[0]) : null;
      const a = deepActive();
      if (!t || !a || a === document.body) return {moved: false, active: a ? cssPath(a) : null};
      const inside = t === a || t.contains(a);
      const after = !!(t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {moved: inside || after, inside, active: cssPath(a)};
    },
  };
})()
"""


class KeyboardGatherer(Gatherer):
    """Up to MAX_TABS Tab presses from the top of the page, plus the skip-link activation."""

    name = "keyboard"
    order = 90
    viewports: ClassVar[tuple[str, ...]] = ("desktop",)

    async def gather(self, ctx: PageContext) -> Any:
        page = ctx.page
        started = time.monotonic()
        await page.evaluate(HELPERS)
        focusable = await page.evaluate("() => window.__mtKb.snapshot()")
        await page.evaluate("() => window.__mtKb.reset()")
        steps: list[dict[str, Any]] = []
        for _ in range(MAX_TABS):
            await page.keyboard.press("Tab")
            if page.url.split("#")[0] != ctx.final_url.split("#")[0]:  # a focus handler navigated away
                steps.append({"selector": None, "navigated": page.url})
                break
            steps.append(await page.evaluate("() => window.__mtKb.step()"))
            if steps[-1].get("body"):
                break  # round the whole page: the probe reads the walk up to here
        skip = await self._skip_check(ctx, steps)
        landmarks = await page.evaluate(
            "() => ({main: !!document.querySelector('main, [role=main]'), h1: !!document.querySelector('h1')})")
        return {"max_tabs": MAX_TABS, "focusable": focusable, "landmarks": landmarks, "steps": steps, "skip": skip,
                "ms": round((time.monotonic() - started) * 1000)}

    async def _skip_check(self, ctx: PageContext, steps: list[dict[str, Any]]) -> dict[str, Any] | None:
        """Activate the first in-page link among the first three stops, as a keyboard user would."""
        page = ctx.page
        for index, step in enumerate(steps[:3]):
            hash_ = step.get("hash")
            if not hash_ or len(hash_) < 2:
                continue
            target = await page.evaluate("(h) => window.__mtKb.skipTarget(h)", hash_)
            # Focus it directly: after the walk, Tab from the top cannot be replayed reliably
            # (Chrome resumes from the last focused element). Activation is what is tested here.
            focused = await page.evaluate("(s) => window.__mtKb.focus(s)", step.get("selector"))
            if not focused:
                return {"index": index, "hash": hash_, "target": target, "error": "link no longer in the page"}
            await page.keyboard.press("Enter")
            await page.wait_for_timeout(100)
            active_now = await page.evaluate("(h) => window.__mtKb.afterSkip(h)", hash_)
            await page.keyboard.press("Tab")
            after_tab = await page.evaluate("(h) => window.__mtKb.afterSkip(h)", hash_)
            return {"index": index, "hash": hash_, "target": target, "text": step.get("text"),
                    "selector": step.get("selector"), "after_enter": active_now, "after_tab": after_tab,
                    "works": bool(target) and (active_now.get("inside") or after_tab.get("moved"))}
        return None

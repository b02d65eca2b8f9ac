"""Cookie banners: see them as a first-time visitor does, then refuse optional cookies.

The crawler clicks only buttons that refuse or limit consent ("Endast nödvändiga",
"Neka", ...); it never accepts on a visitor's behalf, so later pages are measured in the
state a privacy-minded visitor would leave them.
"""

from __future__ import annotations

from typing import Any

import structlog
from playwright.async_api import Page

from probes.vocabulary import Terms

log = structlog.get_logger(__name__)

REFUSE = Terms((
    "endast nödvändiga", "bara nödvändiga", "enbart nödvändiga", "godkänn nödvändiga", "acceptera nödvändiga",
    "tillåt nödvändiga", "tillåt endast nödvändiga", "använd endast nödvändiga", "neka", "avvisa", "avböj",
    "neka alla", "avvisa alla", "nej tack", "fortsätt utan att godkänna", "only necessary", "necessary only",
    "only essential", "essential only", "reject", "reject all", "decline", "deny", "refuse", "use necessary",
    "accept necessary", "allow necessary", "strictly necessary only",
))
ACCEPT = Terms((
    "godkänn alla", "acceptera alla", "tillåt alla", "godkänn", "acceptera", "jag godkänner", "ok$",
    "jag förstår", "accept all", "accept", "allow all", "i agree", "agree", "got it", "okej",
))
BANNER_WORDS = ("cookie", "kaka", "kakor", "samtycke", "consent", "gdpr", "personuppgifter")

BANNER_JS = r"""
(words) => {
  const visible = (el) => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0'; };
  const candidates = [];
  const sel = '[id*="cookie" i],[class*="cookie" i],[id*="consent" i],[class*="consent" i],[id*="kak" i],' +
              '[class*="kak" i],[role="dialog"],[aria-modal="true"],dialog,[id*="gdpr" i],[class*="gdpr" i],' +
              '#CybotCookiebotDialog,#onetrust-banner-sdk,#coiOverlay,.cc-window,#cookie-law-info-bar';
  for (const el of document.querySelectorAll(sel)) {
    if (!visible(el)) continue;
    const text = (el.innerText || '').toLowerCase();
    if (!words.some(w => text.includes(w))) continue;
    if (text.length > 6000) continue;
    candidates.push(el);
  }
  // innermost-first is too narrow; take the outermost candidate that is not <body>
  const banner = candidates.find(c => !candidates.some(o => o !== c && o.contains(c))) || null;
  if (!banner) return {banner_found: false, buttons: []};
  const buttons = [];
  for (const b of banner.querySelectorAll('button, a[role="button"], [role="button"], input[type="button"], input[type="submit"], a')) {
    if (!visible(b)) continue;
    const r = b.getBoundingClientRect();
    const label = ((b.innerText || b.value || '') + ' ' + (b.getAttribute('aria-label') || '')).replace(/\s+/g, ' ').trim();
    if (!label) continue;
    buttons.push({text: label.slice(0, 120), tag: b.tagName.toLowerCase(), width: r.width, height: r.height,
                  is_link: b.tagName === 'A' && !!b.getAttribute('href') && !b.getAttribute('href').startsWith('#')});
  }
  return {banner_found: true, buttons, text: (banner.innerText || '').slice(0, 1500)};
}
"""


async def inspect_banner(page: Page) -> dict[str, Any]:
    """The visible consent banner, if any, and its buttons (texts and sizes)."""
    try:
        found: dict[str, Any] = await page.evaluate(BANNER_JS, list(BANNER_WORDS))
    except Exception as exc:
        return {"banner_found": None, "buttons": [], "error": str(exc)[:200]}
    for b in found.get("buttons", []):
        b["refuses"] = REFUSE.find(b["text"]) is not None
        b["accepts"] = not b["refuses"] and ACCEPT.find(b["text"]) is not None
    return found


async def refuse_optional(page: Page, banner: dict[str, Any]) -> str | None:
    """Click the banner's refuse button, if it has one; return its text."""
    for b in banner.get("buttons", []):
        if not b.get("refuses") or b.get("is_link"):
            continue
        try:
            await page.get_by_role("button", name=b["text"], exact=False).first.click(timeout=3000)
        except Exception:
            try:
                await page.get_by_text(b["text"], exact=True).first.click(timeout=2000)
            except Exception as exc:
                log.debug("consent click failed", text=b["text"], error=str(exc)[:200])
                continue
        return str(b["text"])
    return None

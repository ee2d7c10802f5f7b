"""The look of the lane: colours, type scale, spacing and the Qt stylesheet made from them.

Plain Python (no Qt import) so the theme can be unit-tested and printed. One
``Theme`` value holds every visual decision; ``stylesheet(theme)`` turns it into
the single application stylesheet. Variants: ``normal``, large text (type scale
x1.3) and high contrast (black/white/yellow, thicker borders). Widgets pick
styles through ``objectName`` and dynamic properties (``role="primary"``), never
through inline colours, so a variant switch restyles everything at once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

#: Smallest touch target side in pixels: 15 mm at 1080p on a ~22" screen (~96 dpi).
TOUCH_TARGET_PX = 60
#: Comfortable primary-action height.
PRIMARY_BUTTON_PX = 88
FONT_FAMILY = "Inter, 'Noto Sans', 'DejaVu Sans', sans-serif"


@dataclass(frozen=True, slots=True)
class Palette:
    """Named colours (CSS hex strings)."""

    background: str = "#F4F6F8"
    surface: str = "#FFFFFF"
    surface_alt: str = "#EEF1F4"
    text: str = "#17202A"
    text_muted: str = "#5B6773"
    primary: str = "#0A6CFF"  # the one action colour
    primary_pressed: str = "#0052CC"
    on_primary: str = "#FFFFFF"
    border: str = "#D5DBE1"
    highlight: str = "#E6F0FF"  # last scanned line
    success: str = "#13844B"
    warning: str = "#B25E00"
    danger: str = "#C62828"
    on_danger: str = "#FFFFFF"
    topbar: str = "#0B1F33"
    on_topbar: str = "#FFFFFF"
    scrim: str = "rgba(11, 31, 51, 0.72)"
    focus: str = "#FFB020"


HIGH_CONTRAST = Palette(
    background="#000000",
    surface="#000000",
    surface_alt="#1A1A1A",
    text="#FFFFFF",
    text_muted="#FFFFFF",
    primary="#FFE600",
    primary_pressed="#FFFFFF",
    on_primary="#000000",
    border="#FFFFFF",
    highlight="#333300",
    success="#7CFF7C",
    warning="#FFE600",
    danger="#FF6B6B",
    on_danger="#000000",
    topbar="#000000",
    on_topbar="#FFFFFF",
    scrim="rgba(0, 0, 0, 0.92)",
    focus="#00FFFF",
)


@dataclass(frozen=True, slots=True)
class TypeScale:
    """Font sizes in pixels, from the amount on the pay screen down to captions."""

    display: int = 64
    title: int = 40
    heading: int = 30
    body: int = 24
    label: int = 20
    caption: int = 17

    def scaled(self, factor: float) -> TypeScale:
        """Every size multiplied by ``factor`` (rounded to whole pixels)."""
        return TypeScale(
            *(
                round(size * factor)
                for size in (
                    self.display,
                    self.title,
                    self.heading,
                    self.body,
                    self.label,
                    self.caption,
                )
            )
        )


@dataclass(frozen=True, slots=True)
class Spacing:
    """The spacing scale (px): every margin and gap is one of these."""

    xs: int = 6
    s: int = 12
    m: int = 20
    l: int = 32  # noqa: E741 - the scale reads xs/s/m/l/xl
    xl: int = 48
    radius: int = 16
    border: int = 2


@dataclass(frozen=True, slots=True)
class Theme:
    """A complete visual variant."""

    name: str = "normal"
    palette: Palette = Palette()
    type: TypeScale = TypeScale()
    spacing: Spacing = Spacing()
    large_text: bool = False
    high_contrast: bool = False


def make_theme(*, large_text: bool = False, high_contrast: bool = False) -> Theme:
    """The theme for the given accessibility choices."""
    theme = Theme()
    if large_text:
        theme = replace(theme, type=theme.type.scaled(1.3), large_text=True)
    if high_contrast:
        theme = replace(
            theme,
            palette=HIGH_CONTRAST,
            spacing=replace(theme.spacing, border=4),
            high_contrast=True,
        )
    parts = [p for p, on in (("large-text", large_text), ("high-contrast", high_contrast)) if on]
    return replace(theme, name="+".join(parts) or "normal")


def stylesheet(theme: Theme) -> str:
    """The whole application's Qt stylesheet for ``theme``."""
    p, t, s = theme.palette, theme.type, theme.spacing
    return _TEMPLATE.format(
        p=p,
        t=t,
        s=s,
        font=FONT_FAMILY,
        target=TOUCH_TARGET_PX,
        primary_h=PRIMARY_BUTTON_PX,
        half=s.radius // 2,
        hero=round(t.display * 1.5),
    )


_TEMPLATE = """
QWidget {{ font-family: {font}; font-size: {t.body}px; color: {p.text}; }}
QWidget#KioskWindow, QStackedWidget#ScreenStack, QStackedWidget#StaffLayer,
QWidget[screen="true"] {{
    background: {p.background}; }}
QLabel {{ background: transparent; }}
QLabel[text-role="display"] {{ font-size: {t.display}px; font-weight: 700; }}
QLabel[text-role="title"] {{ font-size: {t.title}px; font-weight: 700; }}
QLabel[text-role="heading"] {{ font-size: {t.heading}px; font-weight: 600; }}
QLabel[text-role="label"] {{ font-size: {t.label}px; }}
QLabel[text-role="hero"] {{ font-size: {hero}px; font-weight: 800; }}
QLabel[text-role="subtitle"] {{ font-size: {t.heading}px; color: {p.text_muted}; }}
QLabel[text-role="muted"] {{ font-size: {t.label}px; color: {p.text_muted}; }}
QLabel[text-role="caption"] {{ font-size: {t.caption}px; color: {p.text_muted}; }}
QLabel[text-role="amount"] {{ font-size: {t.display}px; font-weight: 800; color: {p.text}; }}
QLabel[text-role="error"] {{ font-size: {t.heading}px; font-weight: 600; color: {p.danger}; }}

QPushButton {{
    min-height: {target}px; min-width: {target}px; padding: 0 {s.m}px;
    border-radius: {s.radius}px; border: {s.border}px solid {p.border};
    background: {p.surface}; color: {p.text}; font-size: {t.body}px; font-weight: 600; }}
QPushButton:pressed {{ background: {p.surface_alt}; }}
QPushButton:disabled {{ color: {p.text_muted}; background: {p.surface_alt}; }}
QPushButton:focus {{ outline: none; }}
QPushButton[role="primary"] {{
    min-height: {primary_h}px; background: {p.primary}; color: {p.on_primary};
    border: {s.border}px solid {p.primary}; font-size: {t.heading}px; font-weight: 700; }}
QPushButton[role="primary"]:pressed {{ background: {p.primary_pressed}; }}
QPushButton[role="primary"]:disabled {{ background: {p.border}; border-color: {p.border}; }}
QPushButton[role="secondary"] {{ min-height: {primary_h}px; font-size: {t.heading}px; }}
QPushButton[role="danger"] {{
    min-height: {primary_h}px; background: {p.danger}; color: {p.on_danger};
    border-color: {p.danger}; font-size: {t.heading}px; }}
QPushButton[role="key"] {{ font-size: {t.heading}px; font-weight: 600; padding: 0; }}
QPushButton[role="tile"] {{
    min-height: 180px; text-align: center; padding: {s.s}px; font-size: {t.label}px; }}
QPushButton[role="rating"] {{ min-height: 120px; min-width: 120px; border-radius: 60px; }}
QPushButton[role="rating"]:checked {{ background: {p.primary}; border-color: {p.primary}; }}
QPushButton[role="choice"] {{
    min-height: 200px; font-size: {t.heading}px; text-align: center; }}

QFrame#TopBar {{ background: {p.topbar}; border: none; }}
QFrame#TopBar QLabel {{ color: {p.on_topbar}; font-size: {t.heading}px; font-weight: 700; }}
QFrame#TopBar QPushButton {{
    background: transparent; color: {p.on_topbar}; border: {s.border}px solid {p.on_topbar};
    font-size: {t.label}px; padding: 0 {s.s}px; }}
QFrame#TopBar QPushButton:checked {{ background: {p.on_topbar}; color: {p.topbar}; }}
QFrame#TopBar QPushButton#HelpButton {{
    background: {p.primary}; border-color: {p.primary}; color: {p.on_primary}; }}

QFrame[card="true"] {{
    background: {p.surface}; border: {s.border}px solid {p.border}; border-radius: {s.radius}px; }}
QListView#CartList {{ background: {p.surface}; border: none;
    qproperty-textColor: {p.text}; qproperty-mutedColor: {p.text_muted};
    qproperty-highlightColor: {p.highlight}; qproperty-accentColor: {p.primary};
    qproperty-surfaceColor: {p.surface}; qproperty-separatorColor: {p.surface_alt};
    qproperty-headingPx: {t.heading}; qproperty-labelPx: {t.label};
    qproperty-captionPx: {t.caption}; }}
QFrame#TotalPanel[flash="true"] {{ border: {s.border}px solid {p.success};
    background: {p.highlight}; }}
QFrame#TotalPanel[flash="error"] {{ border: {s.border}px solid {p.danger};
    background: {p.surface_alt}; }}
QLabel#Toast {{ background: {p.topbar}; color: {p.on_topbar}; border-radius: {s.radius}px;
    padding: {s.s}px {s.m}px; font-size: {t.heading}px; font-weight: 600; }}
QLabel#Toast[severity="error"] {{ background: {p.danger}; color: {p.on_danger}; }}
QScrollArea {{ background: transparent; border: none; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: {s.s}px; background: transparent; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: {half}px; min-height: 40px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}

QLineEdit {{
    min-height: {target}px; padding: 0 {s.m}px; border: {s.border}px solid {p.border};
    border-radius: {s.radius}px; background: {p.surface}; font-size: {t.heading}px; }}
QFrame#Keyboard, QFrame#Keypad {{ background: transparent; }}

QFrame#Scrim {{ background: {p.scrim}; }}
QFrame#Dialog {{
    background: {p.surface}; border-radius: {s.radius}px; border: {s.border}px solid {p.border}; }}
QFrame#Dialog[severity="blocking"] {{ border: {s.xs}px solid {p.danger}; }}
QFrame#HelpBanner {{ background: {p.warning}; border: none; }}
QFrame#HelpBanner QLabel {{ color: #FFFFFF; font-size: {t.body}px; font-weight: 600; }}
QFrame#HelpBanner QPushButton {{ color: #FFFFFF; border-color: #FFFFFF; background: transparent; }}
QProgressBar {{
    min-height: {s.s}px; max-height: {s.s}px; border: none; border-radius: {half}px;
    background: {p.surface_alt}; }}
QProgressBar::chunk {{ background: {p.primary}; border-radius: {half}px; }}
"""

/** Inline SVG icons (no icon font, no symbol glyphs that a system font might lack). */
const P = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  'aria-hidden': true,
  focusable: false,
} as const;

export const PlayIcon = () => (
  <svg {...P}>
    <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...P}>
    <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" />
  </svg>
);
export const StepIcon = () => (
  <svg {...P}>
    <path d="M3 2.5v11l7-5.5zM11 2.5h2v11h-2z" fill="currentColor" />
  </svg>
);
export const BackIcon = () => (
  <svg {...P}>
    <path d="M13 2.5v11L6 8zM3 2.5h2v11H3z" fill="currentColor" />
  </svg>
);
export const FastIcon = () => (
  <svg {...P}>
    <path d="M1.5 3v10L8 8zM8 3v10l6.5-5z" fill="currentColor" />
  </svg>
);
export const ResetIcon = () => (
  <svg {...P}>
    <path d="M8 2.5a5.5 5.5 0 1 1-5.2 3.7" fill="none" stroke="currentColor" strokeWidth="1.6" />
    <path d="M1.5 2.5v4.2h4.2z" fill="currentColor" />
  </svg>
);
export const MoonIcon = () => (
  <svg {...P}>
    <path d="M10.5 1.8A6.5 6.5 0 1 0 14.2 11 5.2 5.2 0 0 1 10.5 1.8z" fill="currentColor" />
  </svg>
);
export const SunIcon = () => (
  <svg {...P}>
    <circle cx="8" cy="8" r="3.2" fill="currentColor" />
    <path
      d="M8 .8v2.4M8 12.8v2.4M.8 8h2.4M12.8 8h2.4M2.9 2.9l1.7 1.7M11.4 11.4l1.7 1.7M2.9 13.1l1.7-1.7M11.4 4.6l1.7-1.7"
      stroke="currentColor"
      strokeWidth="1.4"
    />
  </svg>
);
export const ShareIcon = () => (
  <svg {...P}>
    <circle cx="12" cy="3.5" r="2" fill="currentColor" />
    <circle cx="4" cy="8" r="2" fill="currentColor" />
    <circle cx="12" cy="12.5" r="2" fill="currentColor" />
    <path d="M12 3.5 4 8l8 4.5" fill="none" stroke="currentColor" strokeWidth="1.4" />
  </svg>
);
export const FitIcon = () => (
  <svg {...P}>
    <path
      d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    />
  </svg>
);
export const ExternalIcon = () => (
  <svg {...P}>
    <path
      d="M9 2.5h4.5V7M13.5 2.5 7 9M11.5 9.5v4h-9v-9h4"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    />
  </svg>
);

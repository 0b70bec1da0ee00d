import type { AnchorHTMLAttributes } from 'react';
import { bridge } from '../bridge';

type ExternalLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & { href: string };

/** A link the window never follows itself: the system browser opens it, through the bridge. */
export function ExternalLink({ href, children, ...rest }: ExternalLinkProps) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        e.preventDefault();
        void bridge.ui.openExternal(href);
      }}
    >
      {children}
    </a>
  );
}

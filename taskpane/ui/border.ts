/**
 * A solid border as Griffel's longhand properties (makeStyles takes no `border` shorthand), with its own left
 * width: the findings and causes views mark a grade by a thicker left edge.
 */
export function border(width: string, color: string, left = width) {
  return {
    borderTopWidth: width, borderRightWidth: width, borderBottomWidth: width, borderLeftWidth: left,
    borderTopStyle: 'solid', borderRightStyle: 'solid', borderBottomStyle: 'solid', borderLeftStyle: 'solid',
    borderTopColor: color, borderRightColor: color, borderBottomColor: color, borderLeftColor: color,
  } as const;
}

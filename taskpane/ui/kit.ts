import { Button, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody, Option, ProgressBar, Text, makeStyles } from '@fluentui/react-components';
import { ArrowUndoRegular, CheckmarkRegular, ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { createElement, Fragment, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { groupDigits } from '../../src/locate/text';

/**
 * The Fluent UI parts the 舍位平衡 view (a chunk loaded with its tab) is handed when it loads, rather than importing
 * them: a module of the pane's first load that another chunk imports can no longer be merged with its neighbours
 * by webpack's module concatenation: for Fluent UI's components that made the first load about 13 KB (gzip)
 * larger, for React's hooks and JSX runtime 2.5 KB. So the view gets React's few functions here too (it writes its
 * JSX with `React.createElement`), and the pane's way of writing amounts. Not `tokens`: the first load keeps only
 * the tokens it reads, and the whole object handed over would cost some 4 KB (gzip); see RoundView's `token`.
 */
export const KIT = {
  Button, Dropdown, Field, MessageBar, MessageBarActions, MessageBarBody, Option, ProgressBar, Text, makeStyles, ArrowUndoRegular, CheckmarkRegular, ChevronDownRegular, ChevronRightRegular, groupDigits,
  React: { createElement, Fragment, useEffect, useId, useState, useSyncExternalStore },
};


export type Kit = typeof KIT;

/** The 情况说明: its standard numeric paragraphs drafted from the tables, and a given text checked against them. */
export { readFacts, workbookFacts, type Fact, type FactKey, type Facts, type Source } from './facts';
export { draftNarrative, draftText, changeWords, type DraftParagraph } from './draft';
export { checkNarrative, sentences, type NarrativeCheck } from './check';

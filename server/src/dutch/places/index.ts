// Place names, one concept a file: the lexicon (the gazetteer and the names the archive teaches,
// lexicon.ts), learning from the archive (learning.ts), the context patterns that teach place
// facts such as "het stadje Soedzja" and the word lists recognition shares (context.ts), and the
// recognition of place mentions in text (recognition.ts). Decision rules: docs/places.md.
// This file is the folder's public face: what the rest of the server may use.

export { PlaceLexicon, queryHash, lookupIn, type PlaceEntry, type PlaceLookup } from './lexicon';
export { RecordingLookup } from './recording';
export { decideLearned, decideLearnedSteps, planLearned, planLearnedSteps, type LearnDecision, type LearnedName, type LearnedPlan } from './learning';
export { learnPlaceFacts } from './context';
export { recognizePlaces } from './recognition';

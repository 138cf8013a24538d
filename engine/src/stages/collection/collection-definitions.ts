/** What each figure of collection.json means; the CSV and HTML reuse these sentences. */
export const COLLECTION_DEFINITIONS: Record<string, string> = {
  method:
    'Each video is analysed and tagged on its own (see each video\'s report for how). The collection adds the videos up: it never re-judges a face.',
  'total.duration': 'The running times of all the videos, added up.',
  'total.screenTime.female.seconds': 'Seconds during which at least one woman is visible, added up over the videos.',
  'total.screenTime.female.share':
    'The women\'s seconds over the summed running time of all the videos: a long video weighs more than a short one. Women and men can be on screen together, so the shares can add up to more than 100%.',
  'total.screenTime.male.share': 'The men\'s seconds over the summed running time of all the videos.',
  'total.screenTime.unknown.share': 'The seconds of people tagged "unknown", over the summed running time.',
  'total.femaleShareOfGendered': 'Of the time women or men are on screen, the women\'s part: female seconds / (female + male seconds), over all videos.',
  'total.femaleShareRange':
    'The range of the women\'s share: each video\'s own range (untagged and unknown people counted as no women, or all as women; sampling at shot edges), weighted by its running time.',
  people:
    'People across the videos, most seen first. A person remembered by the people library, or given the same name in several videos, counts once; anyone else counts once per video they are in.',
  'people.gender': 'A person tagged differently in different videos takes the tag of most of their screen time.',
  periods: 'Videos grouped by their date: ISO weeks (Monday to Sunday) or calendar months. Shares are over the period\'s summed running time.',
  'videos.date':
    'A YouTube video\'s upload date; for a file, the date given on the command line or its creation time in the file\'s metadata; otherwise the day it was analysed. `dateSources` counts which was used.',
  'videos.tagging': 'People tagged by a person in that video, recognised from the people library, accepted from the classifier\'s suggestion unchecked, and untagged.',
};

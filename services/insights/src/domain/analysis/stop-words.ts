/** Words too common to say what an entry is about. */
export const stopWords: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
  once only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves today yesterday tomorrow really also got get
  went go going gone went still even much many lot lots thing things something anything everything day week time
  feel felt feeling made make makes one two maybe bit kind sort like just im ive dont didnt cant wont its it's i'm
  i've don't didn't can't won't isn't wasn't that's there's let's been being able into onto upon way back`.split(/\s+/).filter(Boolean),
);

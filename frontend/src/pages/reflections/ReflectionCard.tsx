import { useTranslation } from 'react-i18next';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { MarkedText } from '../cases/MarkedText';
import { marksOf } from '../cases/highlight';
import { CodeTags } from './CodeTag';
import { itemField, lessonField, textField } from './marks';
import { perspectiveTitle, questionLabel, ratingLabel, reflectionStatusLabel } from './labels';
import type { Reflection, ReflectionItem } from '../../api/reflections';

// The two lists every form has, in the order a reader expects them; items
// of a question a network added come after them.
const itemQuestions = ['worked', 'did_not_work'];

function itemGroups(items: readonly ReflectionItem[]): { question: string; items: ReflectionItem[] }[] {
  const keys = [...new Set([...itemQuestions, ...items.map((it) => it.question)])];
  return keys.map((question) => ({
    question,
    items: items.filter((it) => it.question === question).sort((a, b) => a.position - b.position),
  }));
}

/** RatingDots draws a score as five dots for the eye; the words beside it say the same. */
function RatingDots({ rating }: { rating: number }) {
  return (
    <span className="leerlus-rating-dots" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className="leerlus-rating-dots__dot" data-on={n <= rating} />
      ))}
    </span>
  );
}

interface Props {
  r: Reflection;
  /** level is the heading level of the card (its parts go one deeper). */
  level: 2 | 3;
  /** episodes are the case's key episodes, so an entry can say which moment it is about. */
  episodes?: readonly { id: string; position: number }[] | undefined;
}

/**
 * ReflectionCard shows one reflection: the perspective it was written from
 * (never the person, unless the server names the author: only to the
 * network's facilitators and the author), what worked and what did not with
 * their codes, the text answers, the ratings and the lessons. The author's
 * decisions on findings are highlighted where the server sends them.
 */
export function ReflectionCard({ r, level, episodes = [] }: Props) {
  const { t } = useTranslation();
  const titleId = `reflection-${r.id}-title`;
  const sub = (level + 1) as 3 | 4;
  const itemsById = new Map(r.items.map((it) => [it.id, it]));
  const episodePlace = new Map(episodes.map((e) => [e.id, e.position]));
  return (
    <article className="leerlus-reflection" aria-labelledby={titleId} data-perspective={r.perspective} data-status={r.status}>
      <Heading level={level} id={titleId} className="leerlus-reflection__title">
        {perspectiveTitle(t, r.perspective)}
      </Heading>
      {(r.status !== 'published' || r.mine) && (
        <Paragraph className="leerlus-reflection__badges">
          {r.status !== 'published' && (
            <StatusBadge status="neutral" className="leerlus-badge" data-status={r.status}>
              {reflectionStatusLabel(t, r.status)}
            </StatusBadge>
          )}{' '}
          {r.mine && (
            <StatusBadge status="neutral" className="leerlus-badge">
              {t('reflections.mine')}
            </StatusBadge>
          )}
        </Paragraph>
      )}
      {r.author && (
        <Paragraph className="leerlus-reflection__author">
          {t('reflections.author')}: {r.author.name}
        </Paragraph>
      )}
      {itemGroups(r.items).map((g) => (
        <div key={g.question} className="leerlus-reflection__part" data-question={g.question}>
          <Heading level={sub}>{questionLabel(t, g.question)}</Heading>
          {g.items.length === 0 ? (
            <Paragraph className="leerlus-empty">{t('reflections.noItems')}</Paragraph>
          ) : (
            <UnorderedList className="leerlus-reflection__items">
              {g.items.map((it) => (
                <UnorderedListItem key={it.id} className="leerlus-reflection__item">
                  <span className="leerlus-reflection__what leerlus-case-text">
                    <MarkedText text={it.what} marks={marksOf(r.marks, itemField(it, 'what'))} />
                  </span>
                  {it.why && (
                    <span className="leerlus-reflection__why leerlus-case-text">
                      <span className="leerlus-reflection__why-label">{t('reflections.why')}: </span>
                      <MarkedText text={it.why} marks={marksOf(r.marks, itemField(it, 'why'))} />
                    </span>
                  )}
                  {it.episode_id && episodePlace.has(it.episode_id) && (
                    <span className="leerlus-reflection__episode">{t('reflections.aboutEpisode', { n: episodePlace.get(it.episode_id) })}</span>
                  )}
                  <CodeTags tags={it.codes} />
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </div>
      ))}
      {r.texts.map((a, i) => (
        <div key={a.question} className="leerlus-reflection__part" data-question={a.question}>
          <Heading level={sub}>{questionLabel(t, a.question)}</Heading>
          <Paragraph className="leerlus-case-text">
            <MarkedText text={a.text} marks={marksOf(r.marks, textField(i))} />
          </Paragraph>
        </div>
      ))}
      {r.ratings.length > 0 && (
        <div className="leerlus-reflection__part leerlus-reflection__ratings">
          <Heading level={sub}>{t('reflections.ratings')}</Heading>
          <DataList>
            {r.ratings.map((a) => (
              <DataListItem key={a.question} data-question={a.question}>
                <DataListKey>{questionLabel(t, a.question)}</DataListKey>
                <DataListValue>
                  <RatingDots rating={a.rating} /> {ratingLabel(t, a.rating)}
                </DataListValue>
              </DataListItem>
            ))}
          </DataList>
        </div>
      )}
      {r.lessons.length > 0 && (
        <div className="leerlus-reflection__part">
          <Heading level={sub}>{t('reflections.lessons')}</Heading>
          <UnorderedList className="leerlus-reflection__items">
            {r.lessons.map((l, i) => {
              const from = l.sources.map((id) => itemsById.get(id)?.what).filter((w): w is string => !!w);
              return (
                <UnorderedListItem key={l.id} className="leerlus-reflection__item">
                  <span className="leerlus-reflection__what leerlus-case-text">
                    <MarkedText text={l.statement} marks={marksOf(r.marks, lessonField(i))} />
                  </span>
                  {from.length > 0 && (
                    <span className="leerlus-reflection__why">{t('reflections.lessonFrom', { items: from.map((w) => `„${w}”`).join(', ') })}</span>
                  )}
                  <CodeTags tags={l.codes.map((code) => ({ code }))} />
                </UnorderedListItem>
              );
            })}
          </UnorderedList>
        </div>
      )}
    </article>
  );
}

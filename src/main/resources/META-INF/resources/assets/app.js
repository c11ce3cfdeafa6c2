// The pages' behaviour: every piece of data from the public API, every user-written text set as text (never as
// markup), so whatever people write shows as they wrote it.
import { call, get, all, signOutToken, Problem } from './api.js';

const texts = {};
document.querySelectorAll('#i18n [data-k]').forEach((span) => {
  texts[span.dataset.k] = span.textContent;
});

/** The page's text for a key, with %1, %2, … filled in. */
function t(key, ...values) {
  let text = texts[key] === undefined ? key : texts[key];
  values.forEach((value, i) => {
    text = text.split('%' + (i + 1)).join(String(value));
  });
  return text;
}

/** An element with attributes and children; strings become text nodes. */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

const $ = (id) => document.getElementById(id);

function say(message) {
  const status = $('status');
  status.textContent = '';
  // A new node, so screen readers announce the same message twice in a row too.
  status.append(h('p', {}, message));
}

function fail(error) {
  if (error instanceof Problem && error.status === 401) {
    return;
  }
  let detail = error.message;
  if (error instanceof Problem && error.body && Array.isArray(error.body.errors)) {
    detail += ' ' + error.body.errors.map((e) => e.field + ': ' + e.message).join('; ');
  }
  say(t('error', detail));
  console.error(error);
}

function date(value) {
  return value ? new Date(value).toLocaleString(document.documentElement.lang) : '';
}

// ISO weeks, as the API writes them: 2026-W11.
function mondayOf(week) {
  const [year, number] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  return monday;
}

function weekOf(day) {
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const number = 1 + Math.floor((thursday - mondayOf(year + '-W01')) / 604800000);
  return year + '-W' + String(number).padStart(2, '0');
}

function addWeeks(week, n) {
  const monday = mondayOf(week);
  monday.setUTCDate(monday.getUTCDate() + 7 * n);
  return weekOf(monday);
}

function authorLine(entry) {
  return [t('by', entry.author.displayName), entry.late ? t('late') : null].filter(Boolean).join(' · ');
}

function statusBadge(status) {
  // The API writes OPEN and ANSWERED; the badge's class and text key are lower case.
  const key = typeof status === 'string' ? status.toLowerCase() : '';
  return key === 'open' || key === 'answered' ? h('span', { class: 'badge ' + key }, t(key)) : null;
}

function entryText(entry) {
  const list = h('dl', { class: 'entry-text' });
  if (entry.removed) {
    list.append(h('dd', {}, t('removed')));
    return list;
  }
  for (const field of ['tried', 'failed', 'question']) {
    if (entry[field]) {
      list.append(h('dt', {}, t(field)), h('dd', {}, entry[field]));
    }
  }
  if (entry.tags && entry.tags.length) {
    list.append(h('dt', {}, t('tags')), h('dd', {}, entry.tags.map((tag) => h('span', { class: 'tag' }, tag))));
  }
  return list;
}

// The header, on every page: the unread count, the administrators' link, the sign-out form's token.
async function header() {
  const [me, inbox] = await Promise.all([get('/me'), get('/me/notifications?unread=true&limit=1')]);
  const unread = $('unread');
  unread.textContent = inbox.unreadCount > 0 ? t('unreadCount', inbox.unreadCount) : '';
  unread.hidden = inbox.unreadCount === 0;
  $('nav-admin').hidden = me.role !== 'ADMIN';
  return me;
}

async function refreshUnread() {
  const inbox = await get('/me/notifications?unread=true&limit=1');
  $('unread').textContent = inbox.unreadCount > 0 ? t('unreadCount', inbox.unreadCount) : '';
  $('unread').hidden = inbox.unreadCount === 0;
}

const pages = {};

pages.groups = async () => {
  const list = $('groups');
  const groups = await all('/groups');
  list.removeAttribute('aria-busy');
  if (!groups.length) {
    list.append(h('li', {}, t('noGroups')));
  }
  for (const group of groups) {
    list.append(h('li', { class: 'card' },
      h('h2', {}, h('a', { href: '/groups/' + group.id }, group.name)),
      group.description ? h('p', {}, group.description) : null,
      h('p', { class: 'muted' }, t('cadence', t(group.logDay), group.reminderTime)),
      h('p', {}, h('a', { href: '/groups/' + group.id + '/members' }, t('membersLink')))));
  }
};

pages.week = async (me) => {
  const root = $('week');
  const groupId = root.dataset.groupId;
  const [group, current] = await Promise.all([
    get('/groups/' + groupId),
    get('/groups/' + groupId + '/weeks/current/entries'),
  ]);
  const currentWeek = current.week;
  const week = root.dataset.week === 'current' ? currentWeek : root.dataset.week;
  document.title = t('weekTitle', group.name, week) + ' · Learning Log';
  $('week-title').textContent = t('weekTitle', group.name, week);
  const base = '/groups/' + groupId + '/weeks/';
  $('prev-week').href = base + addWeeks(week, -1);
  $('prev-week').hidden = false;
  if (week < currentWeek) {
    $('next-week').href = base + addWeeks(week, 1);
    $('next-week').hidden = false;
  }
  // What the page shows next, asked for at once: the week's log, my entry of last week (its question, if any, is
  // shown above the form) and of this week (the form's content).
  const [log, lastWeeks, mine] = await Promise.all([
    week === currentWeek ? current : get(base + week + '/entries'),
    call('GET', base + addWeeks(week, -1) + '/entries/me', { expect: [404] }),
    call('GET', base + week + '/entries/me', { expect: [404] }),
  ]);
  showWeekLog(log);
  const askedLastWeek = await showLastQuestion(lastWeeks);
  const open = week === currentWeek || week === addWeeks(currentWeek, -1);
  await entryForm(me, groupId, week, open, week !== currentWeek, askedLastWeek, mine);
};

function showWeekLog(log) {
  $('week-counts').textContent = t('counts', log.postedCount, log.memberCount, log.away.length);
  const list = $('entries');
  list.textContent = '';
  if (!log.entries.length) {
    list.append(h('li', {}, t('noEntries')));
  }
  for (const entry of log.entries) {
    list.append(h('li', { class: 'entry' },
      h('h3', {}, h('a', { href: '/entries/' + entry.id }, entry.author.displayName), ' ', statusBadge(entry.questionStatus)),
      entry.late ? h('p', { class: 'muted' }, t('late')) : null,
      entryText(entry),
      h('p', {}, h('a', { href: '/entries/' + entry.id }, t('replies', entry.replyCount)))));
  }
  $('week-not-posted').textContent = log.notPosted.length
    ? t('notPosted', log.notPosted.map((m) => m.displayName).join(', ')) : '';
  $('week-away').textContent = log.away.length ? t('awayList', log.away.map((m) => m.displayName).join(', ')) : '';
}

async function showLastQuestion(mine) {
  if (mine.status !== 200 || !mine.body.question) {
    return false;
  }
  const entry = mine.body;
  $('last-question-text').textContent = entry.question;
  $('last-question-status').textContent = '';
  $('last-question-status').append(statusBadge(entry.questionStatus) || '');
  $('last-question-link').href = '/entries/' + entry.id;
  const replies = await all('/entries/' + entry.id + '/replies');
  const list = $('last-question-replies');
  for (const reply of replies) {
    list.append(h('li', { class: reply.accepted ? 'reply accepted' : 'reply' },
      reply.accepted ? h('strong', {}, t('acceptedAnswer') + ': ') : null,
      h('span', { class: 'muted' }, reply.author.displayName + ': '), reply.body));
  }
  $('last-question').hidden = false;
  return true;
}

// The entry form: a draft lives in localStorage until it is posted, and an edit made elsewhere is shown, not
// overwritten (PATCH with If-Match; 412 shows the saved version).
async function entryForm(me, groupId, week, open, late, askedLastWeek, mine) {
  const form = $('entry-form');
  // How last week's advice worked out: only asked of someone who asked a question last week (else a 422).
  const fields = ['tried', 'failed', 'question', 'tags'].concat(askedLastWeek ? ['outcome', 'outcomeNote'] : []);
  $('outcome-fields').hidden = !askedLastWeek;
  const draftKey = 'learninglog.draft.' + me.id + '.' + groupId + '.' + week;
  let saved = null;
  let etag = null;

  $('my-entry').hidden = false;
  if (mine.status === 200) {
    saved = mine.body;
    etag = mine.etag;
  }
  if (!open) {
    $('entry-note').textContent = t('closedNote', week);
    form.hidden = true;
    return;
  }
  if (late) {
    $('entry-note').textContent = t('lateNote', week);
  }

  const fill = (entry) => {
    $('tried').value = entry.tried || '';
    $('failed').value = entry.failed || '';
    $('question').value = entry.question || '';
    $('tags').value = Array.isArray(entry.tags) ? entry.tags.join(', ') : entry.tags || '';
    $('outcome').value = entry.outcome || '';
    $('outcomeNote').value = entry.outcomeNote || '';
  };
  const current = () => Object.fromEntries(fields.map((f) => [f, $(f).value]));
  const label = () => {
    $('entry-submit').textContent = saved ? t('update') : t('post');
  };
  if (saved) {
    fill(saved);
  }
  const draft = localStorage.getItem(draftKey);
  if (draft) {
    fill(JSON.parse(draft));
    say(t('draftRestored'));
  }
  label();
  form.addEventListener('input', () => localStorage.setItem(draftKey, JSON.stringify(current())));
  similarQuestions(groupId, () => saved && saved.id);

  const body = () => {
    const values = current();
    const tags = values.tags.split(',').map((s) => s.trim()).filter(Boolean);
    const write = { tried: values.tried, failed: values.failed, tags };
    if (values.question.trim()) {
      write.question = values.question;
    } else if (saved) {
      write.clearQuestion = true;
    }
    if (askedLastWeek && values.outcome) {
      write.outcome = values.outcome;
      if (values.outcomeNote.trim()) {
        write.outcomeNote = values.outcomeNote.trim();
      }
    }
    return write;
  };
  const posted = (response) => {
    saved = response.body;
    etag = response.etag;
    localStorage.removeItem(draftKey);
    $('conflict').hidden = true;
    label();
    say(t('posted'));
    get('/groups/' + groupId + '/weeks/' + week + '/entries').then(showWeekLog).catch(fail);
  };
  const save = async () => {
    if (!saved) {
      posted(await call('PUT', '/groups/' + groupId + '/weeks/' + week + '/entries/me', { body: body() }));
      return;
    }
    const response = await call('PATCH', '/entries/' + saved.id, {
      body: body(), headers: { 'If-Match': etag }, expect: [412],
    });
    if (response.status !== 412) {
      posted(response);
      return;
    }
    const latest = await call('GET', '/entries/' + saved.id);
    const theirs = $('conflict-theirs');
    theirs.textContent = '';
    theirs.append(...entryText(latest.body).childNodes);
    $('conflict').hidden = false;
    $('conflict').dataset.etag = latest.etag;
    $('conflict').latest = latest.body;
    $('conflict-take').focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    save().catch(fail);
  });
  $('conflict-take').addEventListener('click', () => {
    saved = $('conflict').latest;
    etag = $('conflict').dataset.etag;
    fill(saved);
    localStorage.removeItem(draftKey);
    $('conflict').hidden = true;
    $('tried').focus();
  });
  $('conflict-keep').addEventListener('click', () => {
    saved = $('conflict').latest;
    etag = $('conflict').dataset.etag;
    save().catch(fail);
  });
}

// "Has anyone asked this before?": earlier questions like the one being written, a moment after typing stops.
function similarQuestions(groupId, ownEntryId) {
  let timer = null;
  let asked = '';
  const show = (text, items) => {
    if (text !== $('question').value.trim()) {
      return; // an answer to something typed before: a newer request is on its way
    }
    const list = $('similar-list');
    list.textContent = '';
    const shown = items.filter((q) => q.entryId !== ownEntryId()).slice(0, 3);
    $('similar-heading').hidden = shown.length === 0;
    $('similar-count').textContent = shown.length ? t('similarFound', shown.length) : '';
    for (const question of shown) {
      list.append(h('li', { class: 'reply' },
        h('p', {}, h('a', { href: '/entries/' + question.entryId }, question.question), ' ', statusBadge(question.status)),
        h('p', { class: 'muted' }, t('similarAsked', question.author.displayName, question.week)),
        question.acceptedAnswer ? h('p', { class: 'accepted' }, h('strong', {}, t('acceptedAnswer') + ': '),
          h('span', { class: 'muted' }, question.acceptedAnswer.author.displayName + ': '),
          question.acceptedAnswer.excerpt) : null));
    }
  };
  $('question').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = $('question').value.trim();
      if (text === asked) {
        return;
      }
      asked = text;
      if (text.length < 8) {
        show(text, []);
        return;
      }
      get('/questions/similar?groupId=' + encodeURIComponent(groupId) + '&limit=4&text=' + encodeURIComponent(text))
        .then((page) => show(text, page.items))
        // Only a help while writing: when it fails, the form goes on without it.
        .catch((error) => console.warn('similar questions', error));
    }, 400);
  });
}

pages.thread = async (me) => {
  const entryId = $('thread').dataset.entryId;
  const entry = await get('/entries/' + entryId);
  const group = await get('/groups/' + entry.groupId);
  const context = $('thread-context');
  context.textContent = '';
  context.append(h('a', { href: '/groups/' + group.id + '/weeks/' + entry.week }, t('weekOf', entry.week, group.name)));
  const heading = entry.question && !entry.removed ? entry.question : t('entryBy', entry.author.displayName);
  $('thread-heading').textContent = heading;
  document.title = heading + ' · Learning Log';
  const status = $('thread-status');
  status.textContent = '';
  status.append(authorLine(entry), ' ', statusBadge(entry.questionStatus) || '');
  const text = $('thread-entry');
  text.textContent = '';
  text.append(...entryText(entry).childNodes);

  const asker = entry.author.id === me.id && entry.questionStatus !== 'NONE';
  const replies = await all('/entries/' + entryId + '/replies');
  const list = $('replies');
  list.textContent = '';
  if (!replies.length) {
    list.append(h('li', {}, t('noReplies')));
  }
  for (const reply of replies) {
    const item = h('li', { class: reply.accepted ? 'reply accepted' : 'reply', id: 'reply-' + reply.id },
      h('p', { class: 'muted' }, reply.author.displayName, ' · ', date(reply.createdAt),
        reply.accepted ? h('strong', { class: 'badge answered' }, t('acceptedAnswer')) : null),
      h('p', { class: 'body' }, reply.body));
    if (asker && !reply.accepted) {
      item.append(h('button', {
        type: 'button',
        onclick: () => call('PUT', '/entries/' + entryId + '/answer', { body: { replyId: reply.id } })
          .then(() => pages.thread(me)).then(() => say(t('accepted'))).catch(fail),
      }, t('accept')));
    }
    if (asker && reply.accepted) {
      item.append(h('button', {
        type: 'button',
        onclick: () => call('DELETE', '/entries/' + entryId + '/answer')
          .then(() => pages.thread(me)).then(() => say(t('reopened'))).catch(fail),
      }, t('reopen')));
    }
    list.append(item);
  }
};

function threadActions(me) {
  const entryId = $('thread').dataset.entryId;
  $('follow').addEventListener('click', () => call('PUT', '/entries/' + entryId + '/follow')
    .then(() => say(t('followed'))).catch(fail));
  $('unfollow').addEventListener('click', () => call('DELETE', '/entries/' + entryId + '/follow')
    .then(() => say(t('unfollowed'))).catch(fail));
  $('reply-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = $('reply-body').value;
    if (!body.trim()) {
      $('reply-form').reportValidity();
      return;
    }
    // One key per reply written, so a retried request does not post it twice.
    const key = $('reply-form').dataset.key || crypto.randomUUID();
    $('reply-form').dataset.key = key;
    call('POST', '/entries/' + entryId + '/replies', { body: { body }, headers: { 'Idempotency-Key': key } })
      .then(() => {
        $('reply-body').value = '';
        delete $('reply-form').dataset.key;
        return pages.thread(me);
      })
      .then(() => say(t('replied'))).catch(fail);
  });
}

function questionItem(question) {
  return h('li', { class: 'entry' },
    h('h3', {}, h('a', { href: '/entries/' + question.entryId }, question.question), ' ', statusBadge(question.status)),
    h('p', { class: 'muted' }, t('by', question.author.displayName), ' · ', t('weekOf', question.week, question.groupName),
      ' · ', t('replies', question.replyCount)));
}

pages.questions = async () => {
  const [open, answered] = await Promise.all([
    get('/questions?status=OPEN&limit=50'), get('/questions?status=ANSWERED&limit=50')]);
  for (const [list, page] of [[$('questions-open'), open], [$('questions-answered'), answered]]) {
    if (!page.items.length) {
      list.append(h('li', {}, t('none')));
    }
    page.items.forEach((q) => list.append(questionItem(q)));
  }
};

// The kinds this page knows have their own words; a kind added later still shows, in general words.
const NOTIFICATION_KINDS = ['REPLY_ON_MY_ENTRY', 'REPLY_ON_FOLLOWED_THREAD', 'ANSWER_ACCEPTED', 'QUESTION_ASKED',
  'OUTCOME_REPORTED', 'EXPERT_SUGGESTED'];

function notificationText(notification) {
  const name = notification.actor ? notification.actor.displayName : t('someone');
  return NOTIFICATION_KINDS.includes(notification.kind) ? t(notification.kind, name) : t('otherNotification');
}

// Only a path of this site: the link comes from the API, but a page never follows a link elsewhere by a click.
function notificationLink(notification) {
  const link = typeof notification.link === 'string' && /^\/(?!\/)/.test(notification.link) ? notification.link : null;
  return link || '/entries/' + notification.entryId;
}

pages.notifications = async () => {
  const page = await get('/me/notifications?limit=50');
  const list = $('notifications');
  list.textContent = '';
  if (!page.items.length) {
    list.append(h('li', {}, t('allRead')));
  }
  for (const notification of page.items) {
    const item = h('li', { class: notification.read ? 'entry notification' : 'entry notification unread' },
      h('p', {}, h('a', {
        href: notificationLink(notification),
        // Following a notification reads it.
        onclick: notification.read ? null : (event) => {
          event.preventDefault();
          const href = event.currentTarget.href;
          call('POST', '/me/notifications/read', { body: { ids: [notification.id] } })
            .catch(() => null).then(() => location.assign(href));
        },
      }, notificationText(notification)),
        notification.read ? null : h('span', { class: 'badge open' }, t('unread'))),
      notification.excerpt ? h('p', { class: 'excerpt' }, notification.excerpt) : null,
      h('p', { class: 'muted' }, notification.group ? t('inGroup', notification.group.name) + ' · ' : '',
        date(notification.createdAt)));
    if (!notification.read) {
      item.append(h('button', {
        type: 'button',
        onclick: () => call('POST', '/me/notifications/read', { body: { ids: [notification.id] } })
          .then(() => Promise.all([pages.notifications(), refreshUnread()])).catch(fail),
      }, t('markRead')));
    }
    list.append(item);
  }
};

function notificationActions() {
  $('mark-all-read').addEventListener('click', () => call('POST', '/me/notifications/read', { body: {} })
    .then(() => Promise.all([pages.notifications(), refreshUnread()])).then(() => say(t('allRead'))).catch(fail));
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A search excerpt as nodes, never as markup: the server escapes the text (the five entities of search_html) and
 * wraps matches in <mark>…</mark>; those markers become <mark> elements, everything else text.
 */
function excerptNodes(excerpt) {
  const nodes = [];
  let marked = false;
  for (const part of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
    } else if (part) {
      const text = part.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
      nodes.push(marked ? h('mark', {}, text) : document.createTextNode(text));
    }
  }
  return nodes;
}

function searchHit(hit) {
  const link = '/entries/' + hit.entryId + (hit.replyId ? '#reply-' + hit.replyId : '');
  return h('li', { class: 'entry' },
    h('p', { class: 'excerpt' }, h('a', { href: link }, excerptNodes(hit.excerpt))),
    h('p', { class: 'muted' }, t('by', hit.author.displayName), ' · ', t('weekOf', hit.week, hit.groupName), ' ',
      hit.accepted ? h('strong', { class: 'badge answered' }, t('acceptedAnswer')) : statusBadge(hit.questionStatus)));
}

pages.search = async () => {
  const address = new URLSearchParams(location.search);
  const query = address.get('q') || '';
  const size = /^[0-9]{1,2}$/.test(address.get('limit') || '') ? address.get('limit') : '20';
  $('q').value = query;
  if (!query.trim()) {
    return;
  }
  const heading = $('search-results-heading');
  heading.textContent = t('searchFound', query);
  heading.hidden = false;
  const list = $('search-results');
  const more = $('search-more');
  let cursor = null;
  const load = async () => {
    const page = await get('/search?limit=' + size + '&q=' + encodeURIComponent(query)
      + (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
    if (!cursor && !page.items.length) {
      list.append(h('li', {}, t('searchNothing')));
    }
    page.items.forEach((hit) => list.append(searchHit(hit)));
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  more.addEventListener('click', () => load().catch(fail));
  await load();
};

function percent(share) {
  return share === null || share === undefined ? t('noFigure') : Math.round(share * 100) + ' %';
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return t('noFigure');
  }
  if (seconds < 60) {
    return t('underMinute');
  }
  return seconds < 3600 ? t('minutes', Math.round(seconds / 60))
    : t('hours', (seconds / 3600).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 }));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
  children.forEach((child) => element.append(child));
  return element;
}

// The posting rate per week as bars, drawn here from the same figures as the table beside it.
function postingChart(weeks) {
  const bar = 24;
  const gap = 8;
  const height = 120;
  const width = Math.max(weeks.length, 1) * (bar + gap);
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + (height + 20), role: 'img',
    'aria-labelledby': 'insights-chart-caption', class: 'bars' });
  weeks.forEach((week, i) => {
    const rate = typeof week.postingRate === 'number' ? week.postingRate : 0;
    const tall = Math.round(rate * height);
    chart.append(svg('rect', { x: i * (bar + gap), y: height - tall, width: bar, height: tall, class: 'bar' },
      svg('title', {}, week.week + ': ' + percent(week.postingRate))));
    chart.append(svg('text', { x: i * (bar + gap) + bar / 2, y: height + 14, 'text-anchor': 'middle', class: 'axis' },
      week.week.slice(-3)));
  });
  return chart;
}

// The median time to the first reply per week as bars, on a scale of hours that always shows the one-hour
// yardstick (a dashed line); a week without a reply has no bar. Drawn from the same figures as the table.
function replyChart(weeks) {
  const bar = 24;
  const gap = 8;
  const height = 120;
  const width = Math.max(weeks.length, 1) * (bar + gap);
  const medians = weeks.map((week) => week.medianSecondsToFirstReply);
  const top = Math.max(2 * 3600, ...medians.filter((m) => typeof m === 'number'));
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + (height + 20), role: 'img',
    'aria-labelledby': 'insights-reply-chart-caption', class: 'bars' });
  weeks.forEach((week, i) => {
    const median = medians[i];
    const tall = typeof median === 'number' ? Math.max(Math.round(median / top * height), 1) : 0;
    chart.append(svg('rect', { x: i * (bar + gap), y: height - tall, width: bar, height: tall, class: 'bar reply' },
      svg('title', {}, week.week + ': ' + duration(median))));
    chart.append(svg('text', { x: i * (bar + gap) + bar / 2, y: height + 14, 'text-anchor': 'middle', class: 'axis' },
      week.week.slice(-3)));
  });
  const hour = height - Math.round(3600 / top * height);
  chart.append(svg('line', { x1: 0, x2: width, y1: hour, y2: hour, class: 'yardstick' }));
  return chart;
}

pages.insights = async () => {
  const groupId = $('insights').dataset.groupId;
  const insights = await get('/groups/' + groupId + '/insights');
  $('insights-heading').textContent = t('insightsHeading', insights.groupName);
  document.title = t('insightsHeading', insights.groupName) + ' · Learning Log';
  const rows = $('insights-table').tBodies[0];
  rows.textContent = '';
  const weeks = insights.weeks || [];
  for (const week of weeks) {
    rows.append(h('tr', {}, h('th', { scope: 'row' }, week.week), h('td', {}, percent(week.postingRate)),
      h('td', {}, duration(week.medianSecondsToFirstReply)), h('td', {}, percent(week.firstReplyWithinHourShare))));
  }
  $('insights-chart').textContent = '';
  $('insights-chart').append(postingChart(weeks));
  $('insights-reply-chart').textContent = '';
  $('insights-reply-chart').append(replyChart(weeks));
};

function timeZones(select, selected) {
  const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [];
  const names = zones.includes(selected) || !selected ? zones : [selected, ...zones];
  if (!names.includes('UTC')) {
    names.unshift('UTC');
  }
  select.textContent = '';
  names.forEach((zone) => select.append(h('option', { value: zone, selected: zone === selected }, zone)));
}

pages.settings = async (me) => {
  $('displayName').value = me.displayName;
  timeZones($('timeZone'), me.timeZone);
  $('language').value = me.language;
  $('reminders').checked = me.reminders !== false;
  $('replyNotifications').value = me.replyNotifications || 'IMMEDIATE';
  $('questionNotifications').value = me.questionNotifications || 'DAILY_DIGEST';
  $('shareExpertise').checked = me.shareExpertise === true;
  $('awayUntil').value = me.awayUntil || '';
  $('profile-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const away = $('awayUntil').value;
    const patch = {
      displayName: $('displayName').value,
      timeZone: $('timeZone').value,
      language: $('language').value,
      reminders: $('reminders').checked,
      replyNotifications: $('replyNotifications').value,
      questionNotifications: $('questionNotifications').value,
      shareExpertise: $('shareExpertise').checked,
      // Not away: a first day back of today (the API reads today or earlier as not away).
      awayUntil: away || new Date().toISOString().slice(0, 10),
    };
    call('PATCH', '/me', { body: patch }).then((r) => {
      if (r.body.language !== me.language) {
        location.reload();
        return;
      }
      say(t('saved'));
    }).catch(fail);
  });
  await Promise.all([tokens(), sessions()]);
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    call('POST', '/me/tokens', { body: { name: $('token-name').value } }).then((r) => {
      $('token-secret-value').textContent = r.body.token;
      $('token-secret').hidden = false;
      $('token-name').value = '';
      say(t('tokenCreated'));
      return tokens();
    }).catch(fail);
  });
  $('revoke-others').addEventListener('click', () => call('DELETE', '/me/sessions/others')
    .then(sessions).then(() => say(t('revoked'))).catch(fail));
};

async function tokens() {
  const list = $('tokens');
  const items = await all('/me/tokens');
  list.textContent = '';
  for (const token of items) {
    list.append(h('li', {}, h('span', {}, token.name, ' — ', t('tokenPrefix', token.prefix, date(token.createdAt))),
      h('button', {
        type: 'button',
        'aria-label': t('revoke') + ': ' + token.name,
        onclick: () => call('DELETE', '/me/tokens/' + token.id).then(tokens).then(() => say(t('revoked'))).catch(fail),
      }, t('revoke'))));
  }
}

async function sessions() {
  const list = $('sessions');
  const items = await all('/me/sessions');
  list.textContent = '';
  for (const session of items) {
    list.append(h('li', {}, h('span', {}, date(session.createdAt), ' — ', t('lastSeen', date(session.lastSeenAt)),
      session.current ? ' (' + t('thisSession') + ')' : ''),
    session.current ? null : h('button', {
      type: 'button',
      onclick: () => call('DELETE', '/me/sessions/' + session.id).then(sessions).then(() => say(t('revoked'))).catch(fail),
    }, t('revoke'))));
  }
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

pages.members = async () => {
  const groupId = $('group-admin').dataset.groupId;
  const group = await get('/groups/' + groupId);
  $('members-heading').textContent = group.name;
  document.title = group.name + ' · Learning Log';
  document.querySelectorAll('select.days').forEach((select) => DAYS.forEach((day) => select.append(h('option', { value: day }, t(day)))));
  $('logDay').value = group.logDay;
  $('reminderTime').value = group.reminderTime;
  $('followUpDay').value = group.followUpDay || '';
  $('followUpTime').value = group.followUpTime || '';
  $('cadence-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const patch = { logDay: $('logDay').value, reminderTime: $('reminderTime').value };
    if ($('followUpDay').value && $('followUpTime').value) {
      patch.followUpDay = $('followUpDay').value;
      patch.followUpTime = $('followUpTime').value;
    } else {
      patch.clearFollowUp = true;
    }
    call('PATCH', '/groups/' + groupId, { body: patch }).then(() => say(t('saved'))).catch(fail);
  });
  $('add-member-form').addEventListener('submit', (event) => {
    event.preventDefault();
    call('POST', '/groups/' + groupId + '/members', { body: { email: $('member-email').value } })
      .then(() => {
        $('member-email').value = '';
        return memberList(groupId);
      }).then(() => say(t('saved'))).catch(fail);
  });
  await memberList(groupId);
};

async function memberList(groupId) {
  const list = $('members');
  const items = await all('/groups/' + groupId + '/members');
  list.textContent = '';
  for (const member of items) {
    list.append(h('li', {}, h('span', {}, member.displayName, ' — ', t(member.role)),
      h('button', {
        type: 'button',
        'aria-label': t('remove') + ': ' + member.displayName,
        onclick: () => call('DELETE', '/groups/' + groupId + '/members/' + member.memberId)
          .then(() => memberList(groupId)).then(() => say(t('saved'))).catch(fail),
      }, t('remove'))));
  }
}

pages.admin = async (me) => {
  timeZones($('invite-timeZone'), me.timeZone);
  const members = paged('/members', $('admin-members'), $('admin-members-more'), adminMember);
  const groups = paged('/groups', $('admin-groups'), $('admin-groups-more'), adminGroup);
  await Promise.all([members(), groups()]);
  $('invite-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { displayName: $('invite-name').value, email: $('invite-email').value, timeZone: $('invite-timeZone').value };
    call('POST', '/members', { body }).then(() => {
      $('invite-name').value = '';
      $('invite-email').value = '';
      return members();
    }).then(() => say(t('invited'))).catch(fail);
  });
  $('group-form').addEventListener('submit', (event) => {
    event.preventDefault();
    call('POST', '/groups', { body: { name: $('group-name').value } }).then(() => {
      $('group-name').value = '';
      return groups();
    }).then(() => say(t('saved'))).catch(fail);
  });
  $('preview-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const at = new Date($('preview-at').value).toISOString();
    get('/admin/reminders/preview?at=' + encodeURIComponent(at)).then(showPreview).catch(fail);
  });
};

/**
 * A list of an organisation's size, 50 at a time: the returned function (re)loads the first page, and the button
 * appends the next one by its cursor while there is one. An item's row is made by `row(item, reload)`.
 */
function paged(path, list, more, row) {
  let cursor = null;
  const load = async (first) => {
    const page = await get(path + '?limit=50' + (first || !cursor ? '' : '&cursor=' + encodeURIComponent(cursor)));
    if (first) {
      list.textContent = '';
    }
    page.items.forEach((item) => list.append(row(item, reload)));
    cursor = page.nextCursor;
    more.hidden = !cursor;
  };
  const reload = () => load(true);
  more.addEventListener('click', () => load(false).catch(fail));
  return reload;
}

function adminMember(member, reload) {
  return h('li', {}, h('span', {}, member.displayName, ' — ', member.email || '', ' — ', t(member.role),
    member.active ? '' : ' (' + t('inactive') + ')'),
  member.active ? h('button', {
    type: 'button',
    'aria-label': t('deactivate') + ': ' + member.displayName,
    onclick: (event) => call('PATCH', '/members/' + member.id, { body: { active: false } })
      .then(() => {
        // Only this row changes: the list stays where the administrator paged to.
        event.target.closest('li').replaceWith(adminMember({ ...member, active: false }, reload));
      }).then(() => say(t('saved'))).catch(fail),
  }, t('deactivate')) : null);
}

function adminGroup(group) {
  return h('li', {}, h('a', { href: '/groups/' + group.id + '/members' }, group.name),
    h('span', { class: 'muted' }, ' ', t('cadence', t(group.logDay), group.reminderTime)));
}

function showPreview(preview) {
  const out = $('preview');
  out.textContent = '';
  for (const group of preview.items) {
    out.append(h('h3', {}, group.groupName), h('ul', {}, group.members.map((m) => h('li', {},
      m.displayName, ' — ', m.localTime, ' — ', t(m.outcome)))));
  }
}

const setup = {
  thread: threadActions,
  notifications: notificationActions,
};

async function start() {
  const page = document.body.dataset.page;
  try {
    const me = await header();
    // The sign-out form's token, fetched while the page loads its data rather than before.
    const signOut = signOutToken().then((token) => {
      $('sign-out-csrf').value = token;
    });
    if (setup[page]) {
      setup[page](me);
    }
    if (pages[page]) {
      await pages[page](me);
    }
    await signOut;
    document.body.dataset.ready = 'true';
  } catch (error) {
    fail(error);
    document.body.dataset.ready = 'error';
  }
}

start();

-- reminder (decision 140): a reminder's dedupe key names the member before the group,
-- reminder:{memberId}:{groupId}:{week} (follow-up:… likewise), so that the scan, inserting in key order, fills the
-- outbox's key index and its index of recipients from left to right. The keys enqueued already are turned round
-- too: the scan would otherwise not recognise this week's and enqueue them a second time.
UPDATE outbound_email
   SET dedupe_key = split_part(dedupe_key, ':', 1) || ':' || split_part(dedupe_key, ':', 3) || ':'
                    || split_part(dedupe_key, ':', 2) || ':' || split_part(dedupe_key, ':', 4)
 WHERE kind IN ('REMINDER', 'FOLLOW_UP')
   AND dedupe_key ~ '^(reminder|follow-up):[0-9a-f-]{36}:[0-9a-f-]{36}:[^:]+$';

package org.learninglog.webhook;

/** How a delivery's body is written: a Standard Webhooks JSON event, or a readable Slack or Teams message. */
enum WebhookFormat {
    STANDARD, SLACK, TEAMS
}

"""Whether a message is meant for the bot, and the question it carries once the @mention is removed."""

from __future__ import annotations

from telegram import Message, MessageEntity


def question_for_bot(message: Message, bot_id: int, bot_username: str) -> str | None:
    """The question in `message`, or None when the bot should stay quiet.

    Private chats: every text is a question. Groups: only a message that @mentions the bot or replies
    to one of the bot's own messages (commands are routed by their own handlers).
    """
    text = message.text or ""
    if message.chat.type == message.chat.PRIVATE:
        return text.strip()
    mention = "@" + bot_username.lower()
    mentions = [
        (entity, value) for entity, value in message.parse_entities([MessageEntity.MENTION]).items()
        if value.lower() == mention
    ]
    replied = message.reply_to_message
    is_reply = replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    if not mentions and not is_reply:
        return None
    for _, value in mentions:
        text = text.replace(value, " ")
    return " ".join(text.split()).strip(" ,:;")

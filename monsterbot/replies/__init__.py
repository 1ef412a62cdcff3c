"""Replies: LINE messages (Flex cards, quick replies, usage) built with line-bot-sdk's models."""

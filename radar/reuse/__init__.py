"""What a pass may take from earlier passes, and when: `incremental.find` decides; `findings` is what is remembered."""

"""Everyday words for what news briefs say in other words: "who runs the team" asks who leads it.

Any brief, any event: the groups are plain English, not this brief's vocabulary. The analyzer reads each
variant as its target word does in the brief at hand (the brief's own aliases and entities come first), and reads
the brief's own text the same way, so both sides meet whichever word either uses. Only near-synonyms in the sense
news uses them: a word with a second everyday meaning the event could also need ("hit", "strike", "deal",
"summit") stays out.
"""

from __future__ import annotations

PARAPHRASES: dict[str, tuple[str, ...]] = {
    "lead": ("run", "runs", "ran", "running", "helm", "helms", "helmed", "helming", "at the helm", "in charge",
             "in charge of", "boss", "bosses", "spearhead", "spearheads", "spearheaded", "spearheading", "head",
             "heads", "headed", "heading", "head up", "headed up", "chaired", "chairing", "chairs the"),
    "start": ("launch", "launches", "launched", "launching", "commence", "commences", "commenced", "commencing",
              "kick off", "kicks off", "kicked off", "kicking off", "begin", "begins", "began", "begun",
              "beginning", "get underway", "got underway"),
    "destroy": ("blow up", "blew up", "blown up", "blowing up", "blows up", "obliterate", "obliterated",
                "demolish", "demolished", "take out", "took out", "taken out", "wipe out", "wiped out",
                "knock out", "knocked out"),
    "capture": ("seize", "seizes", "seized", "seizing", "take over", "takes over", "took over", "taken over",
                "grab", "grabs", "grabbed", "grabbing", "conquer", "conquers", "conquered", "conquering"),
    "exchange": ("swap", "swaps", "swapped", "swapping", "trade", "trades", "traded", "trading"),
    "demand": ("insist on", "insists on", "insisted on", "insisting on", "call for", "calls for", "called for",
               "calling for", "push for", "pushes for", "pushed for", "pushing for", "press for", "presses for",
               "pressed for", "pressing for", "seek", "seeks", "seeking", "sought"),
    "attack": ("raid", "raids", "raided", "assault", "assaults", "assaulted", "offensive on"),
    "agree": ("accord", "pact"),  # not "deal": "what's the deal with …" asks something else
    "refuse": ("reject", "rejects", "rejected", "rejecting", "turn down", "turns down", "turned down",
               "turning down"),
    "large": ("huge", "massive", "enormous", "giant", "vast"),
    "domestic": ("at home", "back home"),  # "in trouble at home": a domestic scandal
    "dollar": ("money", "cash", "bucks"),  # news gives sums in dollars: "how much money" asks how many
    # "who's it for?": whom something is meant for, as news says it ("the exchange would focus on the injured")
    "focus": ("who it for", "who is it for", "who was it for", "who is that for", "who was that for",
              "who are they for", "who is this for", "for whom", "meant for", "intended for", "aimed at",
              "gets priority", "get priority", "given priority", "prioritised", "prioritized", "prioritise",
              "prioritize", "prioritising", "prioritizing"),
    # "the talks ran all day?", "did it go on for hours?": how long something lasted, not who ran it
    "lasted": ("ran all day", "run all day", "running all day", "went on all day", "go on all day", "all day long",
               "ran for hours", "run for hours", "went on for hours", "for hours on end", "ran all night",
               "went on all night", "ran late into the night", "dragged on", "drag on", "drags on", "go on for",
               "goes on for", "went on for", "going on for"),
    "berate": ("tell off", "told off", "telling off", "tells off", "scold", "scolds", "scolded", "scolding",
               "chew out", "chewed out", "dress down", "dressed down", "yell at", "yelled at", "shout at",
               "shouted at", "tore into", "lay into", "laid into", "rip into", "ripped into"),
    "end": ("finish", "finishes", "finished", "finishing", "conclude", "concludes", "concluded", "concluding",
            "wrap up", "wraps up", "wrapped up", "wrapping up"),
}

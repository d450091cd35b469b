"""The meeting room's network: `share` (which addresses others open, who is the laptop) · `follow` (the
presenter's view in a versioned slot that participants' devices take). Imports nothing else of core.
"""

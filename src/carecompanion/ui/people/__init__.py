"""The people views: contacts, staying in touch, groups and meetings, and the help panel."""

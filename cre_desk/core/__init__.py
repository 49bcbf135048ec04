"""Qt-free domain logic: tickets, checklists, timers, reply composition."""

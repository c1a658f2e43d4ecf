"""The public content of the home page (no sign-in): news, useful links, the user guide and the
school canteen's menus; and the staff mutations that write, schedule and withdraw them."""

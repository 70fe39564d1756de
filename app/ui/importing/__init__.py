"""The Import dialog: bring a spreadsheet log (.csv or .xlsx) into the casebook."""

"""The health form: the town's lists of illnesses, diets and vaccines, and a child's health form."""

print("dyadsim")
